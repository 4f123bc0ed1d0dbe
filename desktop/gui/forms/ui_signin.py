# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signin.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignInWindow(object):
    def setupUi(self, SignInWindow):
        if not SignInWindow.objectName():
            SignInWindow.setObjectName(u"SignInWindow")
        SignInWindow.resize(460, 420)
        self.outer = QVBoxLayout(SignInWindow)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(48, 36, 48, 36)
        self.appTitle = QLabel(SignInWindow)
        self.appTitle.setObjectName(u"appTitle")

        self.outer.addWidget(self.appTitle)

        self.practiceName = QLabel(SignInWindow)
        self.practiceName.setObjectName(u"practiceName")

        self.outer.addWidget(self.practiceName)

        self.topSpacer = QSpacerItem(20, 16, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.outer.addItem(self.topSpacer)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.usernameLabel = QLabel(SignInWindow)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(SignInWindow)
        self.username.setObjectName(u"username")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(SignInWindow)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(SignInWindow)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.outer.addLayout(self.form)

        self.message = QLabel(SignInWindow)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.signInButton = QPushButton(SignInWindow)
        self.signInButton.setObjectName(u"signInButton")

        self.outer.addWidget(self.signInButton)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.databaseLabel = QLabel(SignInWindow)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)

        self.outer.addWidget(self.databaseLabel)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.signInButton)

        self.retranslateUi(SignInWindow)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInWindow)
    # setupUi

    def retranslateUi(self, SignInWindow):
        SignInWindow.setWindowTitle(QCoreApplication.translate("SignInWindow", u"Sign in", None))
        self.appTitle.setText(QCoreApplication.translate("SignInWindow", u"Practice Desk", None))
        self.practiceName.setText(QCoreApplication.translate("SignInWindow", u"Your practice", None))
        self.usernameLabel.setText(QCoreApplication.translate("SignInWindow", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("SignInWindow", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.username.setPlaceholderText(QCoreApplication.translate("SignInWindow", u"e.g. alex.morgan", None))
        self.passwordLabel.setText(QCoreApplication.translate("SignInWindow", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("SignInWindow", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("SignInWindow", u"Sign-in message", None))
#endif // QT_CONFIG(accessibility)
        self.signInButton.setText(QCoreApplication.translate("SignInWindow", u"Sign in", None))
#if QT_CONFIG(accessibility)
        self.signInButton.setAccessibleName(QCoreApplication.translate("SignInWindow", u"Sign in", None))
#endif // QT_CONFIG(accessibility)
        self.databaseLabel.setText("")
    # retranslateUi

