# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'remindersettings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget)

class Ui_ReminderSettingsDialog(object):
    def setupUi(self, ReminderSettingsDialog):
        if not ReminderSettingsDialog.objectName():
            ReminderSettingsDialog.setObjectName(u"ReminderSettingsDialog")
        ReminderSettingsDialog.resize(480, 240)
        self.outer = QVBoxLayout(ReminderSettingsDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(ReminderSettingsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.startOn = QCheckBox(ReminderSettingsDialog)
        self.startOn.setObjectName(u"startOn")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startOn)

        self.startMinutes = QSpinBox(ReminderSettingsDialog)
        self.startMinutes.setObjectName(u"startMinutes")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.startMinutes)

        self.deadlineOn = QCheckBox(ReminderSettingsDialog)
        self.deadlineOn.setObjectName(u"deadlineOn")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deadlineOn)

        self.deadlineHours = QSpinBox(ReminderSettingsDialog)
        self.deadlineHours.setObjectName(u"deadlineHours")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deadlineHours)


        self.outer.addLayout(self.form)

        self.message = QLabel(ReminderSettingsDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.buttons = QDialogButtonBox(ReminderSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.outer.addWidget(self.buttons)

        QWidget.setTabOrder(self.startOn, self.startMinutes)
        QWidget.setTabOrder(self.startMinutes, self.deadlineOn)
        QWidget.setTabOrder(self.deadlineOn, self.deadlineHours)

        self.retranslateUi(ReminderSettingsDialog)

        QMetaObject.connectSlotsByName(ReminderSettingsDialog)
    # setupUi

    def retranslateUi(self, ReminderSettingsDialog):
        ReminderSettingsDialog.setWindowTitle(QCoreApplication.translate("ReminderSettingsDialog", u"Reminders", None))
        self.intro.setText(QCoreApplication.translate("ReminderSettingsDialog", u"Practice Desk reminds you while it is open, in the window and in the system tray. A reminder missed while the computer slept is shown when it wakes, if it still matters.", None))
        self.startOn.setText(QCoreApplication.translate("ReminderSettingsDialog", u"Before each appointment &starts", None))
#if QT_CONFIG(accessibility)
        self.startOn.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Remind me before each appointment starts", None))
#endif // QT_CONFIG(accessibility)
        self.startMinutes.setSuffix(QCoreApplication.translate("ReminderSettingsDialog", u" minutes before", None))
#if QT_CONFIG(accessibility)
        self.startMinutes.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Minutes before the start", None))
#endif // QT_CONFIG(accessibility)
        self.deadlineOn.setText(QCoreApplication.translate("ReminderSettingsDialog", u"Before free &cancellation ends", None))
#if QT_CONFIG(accessibility)
        self.deadlineOn.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Remind me before free cancellation ends", None))
#endif // QT_CONFIG(accessibility)
        self.deadlineHours.setSuffix(QCoreApplication.translate("ReminderSettingsDialog", u" hours before", None))
#if QT_CONFIG(accessibility)
        self.deadlineHours.setAccessibleName(QCoreApplication.translate("ReminderSettingsDialog", u"Hours before free cancellation ends", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

