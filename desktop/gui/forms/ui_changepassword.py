# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'changepassword.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.resize(420, 240)
        self.outer = QVBoxLayout(ChangePasswordDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(ChangePasswordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.currentLabel = QLabel(ChangePasswordDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.current = QLineEdit(ChangePasswordDialog)
        self.current.setObjectName(u"current")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current)

        self.newLabel = QLabel(ChangePasswordDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newPassword = QLineEdit(ChangePasswordDialog)
        self.newPassword.setObjectName(u"newPassword")
        self.newPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPassword)

        self.confirmLabel = QLabel(ChangePasswordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(ChangePasswordDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.outer.addLayout(self.form)

        self.message = QLabel(ChangePasswordDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(ChangePasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.current)
        self.newLabel.setBuddy(self.newPassword)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChangePasswordDialog)

        QMetaObject.connectSlotsByName(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"Change your password", None))
        self.intro.setText(QCoreApplication.translate("ChangePasswordDialog", u"Choose a new password of at least 8 characters.", None))
        self.currentLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"C&urrent password", None))
#if QT_CONFIG(accessibility)
        self.current.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Current password", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&New password", None))
#if QT_CONFIG(accessibility)
        self.newPassword.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&Confirm", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Confirm new password", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

