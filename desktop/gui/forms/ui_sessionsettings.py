# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sessionsettings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget)

class Ui_SessionSettingsDialog(object):
    def setupUi(self, SessionSettingsDialog):
        if not SessionSettingsDialog.objectName():
            SessionSettingsDialog.setObjectName(u"SessionSettingsDialog")
        SessionSettingsDialog.resize(480, 260)
        self.outer = QVBoxLayout(SessionSettingsDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(SessionSettingsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.lockAfterLabel = QLabel(SessionSettingsDialog)
        self.lockAfterLabel.setObjectName(u"lockAfterLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lockAfterLabel)

        self.lockAfter = QSpinBox(SessionSettingsDialog)
        self.lockAfter.setObjectName(u"lockAfter")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lockAfter)


        self.outer.addLayout(self.form)

        self.lockNote = QLabel(SessionSettingsDialog)
        self.lockNote.setObjectName(u"lockNote")
        self.lockNote.setWordWrap(True)

        self.outer.addWidget(self.lockNote)

        self.offerLastUsername = QCheckBox(SessionSettingsDialog)
        self.offerLastUsername.setObjectName(u"offerLastUsername")

        self.outer.addWidget(self.offerLastUsername)

        self.offerNote = QLabel(SessionSettingsDialog)
        self.offerNote.setObjectName(u"offerNote")
        self.offerNote.setWordWrap(True)

        self.outer.addWidget(self.offerNote)

        self.message = QLabel(SessionSettingsDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(SessionSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.lockAfterLabel.setBuddy(self.lockAfter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lockAfter, self.offerLastUsername)

        self.retranslateUi(SessionSettingsDialog)

        QMetaObject.connectSlotsByName(SessionSettingsDialog)
    # setupUi

    def retranslateUi(self, SessionSettingsDialog):
        SessionSettingsDialog.setWindowTitle(QCoreApplication.translate("SessionSettingsDialog", u"Sign-in and locking", None))
        self.intro.setText(QCoreApplication.translate("SessionSettingsDialog", u"These apply to every workstation of the practice, from each one's next sign-in.", None))
        self.lockAfterLabel.setText(QCoreApplication.translate("SessionSettingsDialog", u"&Lock after", None))
        self.lockAfter.setSuffix(QCoreApplication.translate("SessionSettingsDialog", u" minutes without activity", None))
#if QT_CONFIG(accessibility)
        self.lockAfter.setAccessibleName(QCoreApplication.translate("SessionSettingsDialog", u"Lock after minutes without activity", None))
#endif // QT_CONFIG(accessibility)
        self.lockNote.setText(QCoreApplication.translate("SessionSettingsDialog", u"A minute before, the window shows a countdown; any key or mouse movement keeps working. A locked window keeps its work: the password of whoever is signed in opens it again.", None))
        self.offerLastUsername.setText(QCoreApplication.translate("SessionSettingsDialog", u"&Offer the last user name on the sign-in window", None))
#if QT_CONFIG(accessibility)
        self.offerLastUsername.setAccessibleName(QCoreApplication.translate("SessionSettingsDialog", u"Offer the last user name on the sign-in window", None))
#endif // QT_CONFIG(accessibility)
        self.offerNote.setText(QCoreApplication.translate("SessionSettingsDialog", u"Leave this off on a shared front-desk workstation: the next person should not see who signed in before them.", None))
        self.message.setText("")
    # retranslateUi

