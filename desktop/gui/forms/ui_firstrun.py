# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'firstrun.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(520, 440)
        self.outer = QVBoxLayout(FirstRunDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(FirstRunDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.practiceLabel = QLabel(FirstRunDialog)
        self.practiceLabel.setObjectName(u"practiceLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.practiceLabel)

        self.practiceName = QLineEdit(FirstRunDialog)
        self.practiceName.setObjectName(u"practiceName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.practiceName)

        self.zoneLabel = QLabel(FirstRunDialog)
        self.zoneLabel.setObjectName(u"zoneLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.zoneLabel)

        self.timeZone = QComboBox(FirstRunDialog)
        self.timeZone.setObjectName(u"timeZone")
        self.timeZone.setEditable(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.timeZone)

        self.localeLabel = QLabel(FirstRunDialog)
        self.localeLabel.setObjectName(u"localeLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.localeLabel)

        self.locale = QComboBox(FirstRunDialog)
        self.locale.setObjectName(u"locale")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.locale)

        self.ownerLabel = QLabel(FirstRunDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerName = QLineEdit(FirstRunDialog)
        self.ownerName.setObjectName(u"ownerName")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerName)

        self.usernameLabel = QLabel(FirstRunDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(FirstRunDialog)
        self.username.setObjectName(u"username")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(FirstRunDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(FirstRunDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.password)

        self.confirmLabel = QLabel(FirstRunDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(FirstRunDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.outer.addLayout(self.form)

        self.message = QLabel(FirstRunDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(FirstRunDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.practiceLabel.setBuddy(self.practiceName)
        self.zoneLabel.setBuddy(self.timeZone)
        self.localeLabel.setBuddy(self.locale)
        self.ownerLabel.setBuddy(self.ownerName)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Set up your practice", None))
        self.intro.setText(QCoreApplication.translate("FirstRunDialog", u"Welcome to Practice Desk. Name your practice and create the owner's account: you will sign in with it and can then add providers, clients and Support staff.", None))
        self.practiceLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Practice name", None))
#if QT_CONFIG(accessibility)
        self.practiceName.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Practice name", None))
#endif // QT_CONFIG(accessibility)
        self.zoneLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Time zone", None))
#if QT_CONFIG(accessibility)
        self.timeZone.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Time zone", None))
#endif // QT_CONFIG(accessibility)
        self.localeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Date and money &format", None))
#if QT_CONFIG(accessibility)
        self.locale.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Date and money format", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.locale.setToolTip(QCoreApplication.translate("FirstRunDialog", u"How the practice's times, dates and amounts are written", None))
#endif // QT_CONFIG(tooltip)
        self.ownerLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Your &name", None))
#if QT_CONFIG(accessibility)
        self.ownerName.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Pass&word", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Confirm password", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Confirm password", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

