# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LockScreen(object):
    def setupUi(self, LockScreen):
        if not LockScreen.objectName():
            LockScreen.setObjectName(u"LockScreen")
        LockScreen.resize(440, 260)
        self.outer = QVBoxLayout(LockScreen)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(32, 24, 32, 24)
        self.heading = QLabel(LockScreen)
        self.heading.setObjectName(u"heading")

        self.outer.addWidget(self.heading)

        self.why = QLabel(LockScreen)
        self.why.setObjectName(u"why")
        self.why.setWordWrap(True)

        self.outer.addWidget(self.why)

        self.who = QLabel(LockScreen)
        self.who.setObjectName(u"who")
        self.who.setWordWrap(True)

        self.outer.addWidget(self.who)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.passwordLabel = QLabel(LockScreen)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(LockScreen)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.password)


        self.outer.addLayout(self.form)

        self.message = QLabel(LockScreen)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.signOutButton = QPushButton(LockScreen)
        self.signOutButton.setObjectName(u"signOutButton")
        self.signOutButton.setAutoDefault(False)

        self.buttons.addWidget(self.signOutButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.unlockButton = QPushButton(LockScreen)
        self.unlockButton.setObjectName(u"unlockButton")

        self.buttons.addWidget(self.unlockButton)


        self.outer.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.password, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.signOutButton)

        self.retranslateUi(LockScreen)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(LockScreen)
    # setupUi

    def retranslateUi(self, LockScreen):
        LockScreen.setWindowTitle(QCoreApplication.translate("LockScreen", u"Locked", None))
#if QT_CONFIG(accessibility)
        LockScreen.setAccessibleName(QCoreApplication.translate("LockScreen", u"Practice Desk is locked", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(QCoreApplication.translate("LockScreen", u"Practice Desk is locked", None))
        self.why.setText("")
#if QT_CONFIG(accessibility)
        self.why.setAccessibleName(QCoreApplication.translate("LockScreen", u"Why the window is locked", None))
#endif // QT_CONFIG(accessibility)
        self.who.setText("")
#if QT_CONFIG(accessibility)
        self.who.setAccessibleName(QCoreApplication.translate("LockScreen", u"Signed in as", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("LockScreen", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("LockScreen", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("LockScreen", u"Unlock message", None))
#endif // QT_CONFIG(accessibility)
        self.signOutButton.setText(QCoreApplication.translate("LockScreen", u"&Sign out", None))
#if QT_CONFIG(accessibility)
        self.signOutButton.setAccessibleName(QCoreApplication.translate("LockScreen", u"Sign out", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("LockScreen", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.unlockButton.setAccessibleName(QCoreApplication.translate("LockScreen", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

