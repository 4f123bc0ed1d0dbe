# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'waitlist.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTimeEdit, QVBoxLayout, QWidget)

class Ui_WaitlistDialog(object):
    def setupUi(self, WaitlistDialog):
        if not WaitlistDialog.objectName():
            WaitlistDialog.setObjectName(u"WaitlistDialog")
        WaitlistDialog.resize(520, 300)
        self.outer = QVBoxLayout(WaitlistDialog)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(WaitlistDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.daysLabel = QLabel(WaitlistDialog)
        self.daysLabel.setObjectName(u"daysLabel")

        self.outer.addWidget(self.daysLabel)

        self.days = QHBoxLayout()
        self.days.setObjectName(u"days")
        self.day0 = QCheckBox(WaitlistDialog)
        self.day0.setObjectName(u"day0")

        self.days.addWidget(self.day0)

        self.day1 = QCheckBox(WaitlistDialog)
        self.day1.setObjectName(u"day1")

        self.days.addWidget(self.day1)

        self.day2 = QCheckBox(WaitlistDialog)
        self.day2.setObjectName(u"day2")

        self.days.addWidget(self.day2)

        self.day3 = QCheckBox(WaitlistDialog)
        self.day3.setObjectName(u"day3")

        self.days.addWidget(self.day3)

        self.day4 = QCheckBox(WaitlistDialog)
        self.day4.setObjectName(u"day4")

        self.days.addWidget(self.day4)

        self.day5 = QCheckBox(WaitlistDialog)
        self.day5.setObjectName(u"day5")

        self.days.addWidget(self.day5)

        self.day6 = QCheckBox(WaitlistDialog)
        self.day6.setObjectName(u"day6")

        self.days.addWidget(self.day6)


        self.outer.addLayout(self.days)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.earliestLabel = QLabel(WaitlistDialog)
        self.earliestLabel.setObjectName(u"earliestLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.earliestLabel)

        self.earliest = QTimeEdit(WaitlistDialog)
        self.earliest.setObjectName(u"earliest")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.earliest)

        self.latestLabel = QLabel(WaitlistDialog)
        self.latestLabel.setObjectName(u"latestLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.latestLabel)

        self.latest = QTimeEdit(WaitlistDialog)
        self.latest.setObjectName(u"latest")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.latest)


        self.outer.addLayout(self.form)

        self.zoneNote = QLabel(WaitlistDialog)
        self.zoneNote.setObjectName(u"zoneNote")
        self.zoneNote.setWordWrap(True)

        self.outer.addWidget(self.zoneNote)

        self.message = QLabel(WaitlistDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.leaveButton = QPushButton(WaitlistDialog)
        self.leaveButton.setObjectName(u"leaveButton")
        self.leaveButton.setAutoDefault(False)

        self.bottom.addWidget(self.leaveButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom.addItem(self.spacer)

        self.buttons = QDialogButtonBox(WaitlistDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.bottom.addWidget(self.buttons)


        self.outer.addLayout(self.bottom)

#if QT_CONFIG(shortcut)
        self.earliestLabel.setBuddy(self.earliest)
        self.latestLabel.setBuddy(self.latest)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.day0, self.day1)
        QWidget.setTabOrder(self.day1, self.day2)
        QWidget.setTabOrder(self.day2, self.day3)
        QWidget.setTabOrder(self.day3, self.day4)
        QWidget.setTabOrder(self.day4, self.day5)
        QWidget.setTabOrder(self.day5, self.day6)
        QWidget.setTabOrder(self.day6, self.earliest)
        QWidget.setTabOrder(self.earliest, self.latest)
        QWidget.setTabOrder(self.latest, self.leaveButton)

        self.retranslateUi(WaitlistDialog)

        QMetaObject.connectSlotsByName(WaitlistDialog)
    # setupUi

    def retranslateUi(self, WaitlistDialog):
        WaitlistDialog.setWindowTitle(QCoreApplication.translate("WaitlistDialog", u"Waitlist", None))
        self.intro.setText(QCoreApplication.translate("WaitlistDialog", u"When a time like this opens up with your provider (someone cancels or moves), you are offered it with a message and on your dashboard. Others on the waitlist may be offered it too: the first to accept books it.", None))
        self.daysLabel.setText(QCoreApplication.translate("WaitlistDialog", u"Days you could come", None))
        self.day0.setText(QCoreApplication.translate("WaitlistDialog", u"Mon", None))
#if QT_CONFIG(accessibility)
        self.day0.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Monday", None))
#endif // QT_CONFIG(accessibility)
        self.day1.setText(QCoreApplication.translate("WaitlistDialog", u"Tue", None))
#if QT_CONFIG(accessibility)
        self.day1.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Tuesday", None))
#endif // QT_CONFIG(accessibility)
        self.day2.setText(QCoreApplication.translate("WaitlistDialog", u"Wed", None))
#if QT_CONFIG(accessibility)
        self.day2.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Wednesday", None))
#endif // QT_CONFIG(accessibility)
        self.day3.setText(QCoreApplication.translate("WaitlistDialog", u"Thu", None))
#if QT_CONFIG(accessibility)
        self.day3.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Thursday", None))
#endif // QT_CONFIG(accessibility)
        self.day4.setText(QCoreApplication.translate("WaitlistDialog", u"Fri", None))
#if QT_CONFIG(accessibility)
        self.day4.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Friday", None))
#endif // QT_CONFIG(accessibility)
        self.day5.setText(QCoreApplication.translate("WaitlistDialog", u"Sat", None))
#if QT_CONFIG(accessibility)
        self.day5.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Saturday", None))
#endif // QT_CONFIG(accessibility)
        self.day6.setText(QCoreApplication.translate("WaitlistDialog", u"Sun", None))
#if QT_CONFIG(accessibility)
        self.day6.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Sunday", None))
#endif // QT_CONFIG(accessibility)
        self.earliestLabel.setText(QCoreApplication.translate("WaitlistDialog", u"&From", None))
        self.earliest.setDisplayFormat(QCoreApplication.translate("WaitlistDialog", u"HH:mm", None))
#if QT_CONFIG(accessibility)
        self.earliest.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Earliest start", None))
#endif // QT_CONFIG(accessibility)
        self.latestLabel.setText(QCoreApplication.translate("WaitlistDialog", u"&Until", None))
        self.latest.setDisplayFormat(QCoreApplication.translate("WaitlistDialog", u"HH:mm", None))
#if QT_CONFIG(accessibility)
        self.latest.setAccessibleName(QCoreApplication.translate("WaitlistDialog", u"Latest end", None))
#endif // QT_CONFIG(accessibility)
        self.zoneNote.setText("")
        self.message.setText("")
        self.leaveButton.setText(QCoreApplication.translate("WaitlistDialog", u"&Leave the waitlist", None))
    # retranslateUi

