# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'localesettings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout)

class Ui_LocaleSettingsDialog(object):
    def setupUi(self, LocaleSettingsDialog):
        if not LocaleSettingsDialog.objectName():
            LocaleSettingsDialog.setObjectName(u"LocaleSettingsDialog")
        LocaleSettingsDialog.resize(520, 200)
        self.outer = QVBoxLayout(LocaleSettingsDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(LocaleSettingsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.localeLabel = QLabel(LocaleSettingsDialog)
        self.localeLabel.setObjectName(u"localeLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.localeLabel)

        self.locale = QComboBox(LocaleSettingsDialog)
        self.locale.setObjectName(u"locale")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.locale)


        self.outer.addLayout(self.form)

        self.message = QLabel(LocaleSettingsDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(LocaleSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.localeLabel.setBuddy(self.locale)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LocaleSettingsDialog)

        QMetaObject.connectSlotsByName(LocaleSettingsDialog)
    # setupUi

    def retranslateUi(self, LocaleSettingsDialog):
        LocaleSettingsDialog.setWindowTitle(QCoreApplication.translate("LocaleSettingsDialog", u"Date and money format", None))
        self.intro.setText(QCoreApplication.translate("LocaleSettingsDialog", u"How every screen of the practice writes times, dates and amounts. Each workstation uses it from its next sign-in; the rules and the stored times do not change.", None))
        self.localeLabel.setText(QCoreApplication.translate("LocaleSettingsDialog", u"&Format", None))
#if QT_CONFIG(accessibility)
        self.locale.setAccessibleName(QCoreApplication.translate("LocaleSettingsDialog", u"Date and money format", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

