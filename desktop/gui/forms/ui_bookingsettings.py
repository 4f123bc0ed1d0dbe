# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bookingsettings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTextBrowser, QVBoxLayout, QWidget)

class Ui_BookingSettingsPage(object):
    def setupUi(self, bookingSettingsPage):
        if not bookingSettingsPage.objectName():
            bookingSettingsPage.setObjectName(u"bookingSettingsPage")
        self.outer = QVBoxLayout(bookingSettingsPage)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(bookingSettingsPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contents = QVBoxLayout(self.scrollContents)
        self.contents.setSpacing(12)
        self.contents.setObjectName(u"contents")
        self.contents.setContentsMargins(24, 20, 24, 20)
        self.pageTitle = QLabel(self.scrollContents)
        self.pageTitle.setObjectName(u"pageTitle")
        self.pageTitle.setProperty(u"role", u"heading")

        self.contents.addWidget(self.pageTitle)

        self.intro = QLabel(self.scrollContents)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setProperty(u"muted", True)

        self.contents.addWidget(self.intro)

        self.policyVersion = QLabel(self.scrollContents)
        self.policyVersion.setObjectName(u"policyVersion")
        self.policyVersion.setProperty(u"role", u"subheading")

        self.contents.addWidget(self.policyVersion)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.policyCard = QFrame(self.scrollContents)
        self.policyCard.setObjectName(u"policyCard")
        self.policyCard.setProperty(u"card", True)
        self.policyForm = QFormLayout(self.policyCard)
        self.policyForm.setObjectName(u"policyForm")
        self.noticeLabel = QLabel(self.policyCard)
        self.noticeLabel.setObjectName(u"noticeLabel")

        self.policyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noticeLabel)

        self.noticeSpin = QSpinBox(self.policyCard)
        self.noticeSpin.setObjectName(u"noticeSpin")

        self.policyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noticeSpin)

        self.lateFeeLabel = QLabel(self.policyCard)
        self.lateFeeLabel.setObjectName(u"lateFeeLabel")

        self.policyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lateFeeLabel)

        self.lateFeeEdit = QLineEdit(self.policyCard)
        self.lateFeeEdit.setObjectName(u"lateFeeEdit")

        self.policyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lateFeeEdit)

        self.noShowFeeLabel = QLabel(self.policyCard)
        self.noShowFeeLabel.setObjectName(u"noShowFeeLabel")

        self.policyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noShowFeeLabel)

        self.noShowFeeEdit = QLineEdit(self.policyCard)
        self.noShowFeeEdit.setObjectName(u"noShowFeeEdit")

        self.policyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noShowFeeEdit)

        self.graceLabel = QLabel(self.policyCard)
        self.graceLabel.setObjectName(u"graceLabel")

        self.policyForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.graceLabel)

        self.graceSpin = QSpinBox(self.policyCard)
        self.graceSpin.setObjectName(u"graceSpin")

        self.policyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.graceSpin)

        self.policyTextLabel = QLabel(self.policyCard)
        self.policyTextLabel.setObjectName(u"policyTextLabel")

        self.policyForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.policyTextLabel)

        self.policyTextEdit = QPlainTextEdit(self.policyCard)
        self.policyTextEdit.setObjectName(u"policyTextEdit")
        self.policyTextEdit.setMinimumSize(QSize(0, 160))
        self.policyTextEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.policyTextEdit)

        self.savePolicyButton = QPushButton(self.policyCard)
        self.savePolicyButton.setObjectName(u"savePolicyButton")
        self.savePolicyButton.setProperty(u"primary", True)

        self.policyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.savePolicyButton)


        self.body.addWidget(self.policyCard)

        self.previewCard = QFrame(self.scrollContents)
        self.previewCard.setObjectName(u"previewCard")
        self.previewCard.setProperty(u"notice", u"info")
        self.previewLayout = QVBoxLayout(self.previewCard)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTitle = QLabel(self.previewCard)
        self.previewTitle.setObjectName(u"previewTitle")

        self.previewLayout.addWidget(self.previewTitle)

        self.policyPreview = QTextBrowser(self.previewCard)
        self.policyPreview.setObjectName(u"policyPreview")
        self.policyPreview.setFrameShape(QFrame.Shape.NoFrame)

        self.previewLayout.addWidget(self.policyPreview)


        self.body.addWidget(self.previewCard)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.contents.addLayout(self.body)

        self.policyHistory = QLabel(self.scrollContents)
        self.policyHistory.setObjectName(u"policyHistory")
        self.policyHistory.setWordWrap(True)
        self.policyHistory.setProperty(u"muted", True)

        self.contents.addWidget(self.policyHistory)

        self.hoursTitle = QLabel(self.scrollContents)
        self.hoursTitle.setObjectName(u"hoursTitle")
        self.hoursTitle.setWordWrap(True)

        self.contents.addWidget(self.hoursTitle)

        self.hoursCard = QFrame(self.scrollContents)
        self.hoursCard.setObjectName(u"hoursCard")
        self.hoursCard.setProperty(u"card", True)
        self.hoursLayout = QVBoxLayout(self.hoursCard)
        self.hoursLayout.setObjectName(u"hoursLayout")
        self.hoursZone = QLabel(self.hoursCard)
        self.hoursZone.setObjectName(u"hoursZone")
        self.hoursZone.setWordWrap(True)
        self.hoursZone.setProperty(u"muted", True)

        self.hoursLayout.addWidget(self.hoursZone)

        self.hoursGrid = QGridLayout()
        self.hoursGrid.setObjectName(u"hoursGrid")
        self.mondayLabel = QLabel(self.hoursCard)
        self.mondayLabel.setObjectName(u"mondayLabel")

        self.hoursGrid.addWidget(self.mondayLabel, 0, 0, 1, 1)

        self.hoursMonday = QLineEdit(self.hoursCard)
        self.hoursMonday.setObjectName(u"hoursMonday")

        self.hoursGrid.addWidget(self.hoursMonday, 0, 1, 1, 1)

        self.tuesdayLabel = QLabel(self.hoursCard)
        self.tuesdayLabel.setObjectName(u"tuesdayLabel")

        self.hoursGrid.addWidget(self.tuesdayLabel, 1, 0, 1, 1)

        self.hoursTuesday = QLineEdit(self.hoursCard)
        self.hoursTuesday.setObjectName(u"hoursTuesday")

        self.hoursGrid.addWidget(self.hoursTuesday, 1, 1, 1, 1)

        self.wednesdayLabel = QLabel(self.hoursCard)
        self.wednesdayLabel.setObjectName(u"wednesdayLabel")

        self.hoursGrid.addWidget(self.wednesdayLabel, 2, 0, 1, 1)

        self.hoursWednesday = QLineEdit(self.hoursCard)
        self.hoursWednesday.setObjectName(u"hoursWednesday")

        self.hoursGrid.addWidget(self.hoursWednesday, 2, 1, 1, 1)

        self.thursdayLabel = QLabel(self.hoursCard)
        self.thursdayLabel.setObjectName(u"thursdayLabel")

        self.hoursGrid.addWidget(self.thursdayLabel, 3, 0, 1, 1)

        self.hoursThursday = QLineEdit(self.hoursCard)
        self.hoursThursday.setObjectName(u"hoursThursday")

        self.hoursGrid.addWidget(self.hoursThursday, 3, 1, 1, 1)

        self.fridayLabel = QLabel(self.hoursCard)
        self.fridayLabel.setObjectName(u"fridayLabel")

        self.hoursGrid.addWidget(self.fridayLabel, 4, 0, 1, 1)

        self.hoursFriday = QLineEdit(self.hoursCard)
        self.hoursFriday.setObjectName(u"hoursFriday")

        self.hoursGrid.addWidget(self.hoursFriday, 4, 1, 1, 1)

        self.saturdayLabel = QLabel(self.hoursCard)
        self.saturdayLabel.setObjectName(u"saturdayLabel")

        self.hoursGrid.addWidget(self.saturdayLabel, 5, 0, 1, 1)

        self.hoursSaturday = QLineEdit(self.hoursCard)
        self.hoursSaturday.setObjectName(u"hoursSaturday")

        self.hoursGrid.addWidget(self.hoursSaturday, 5, 1, 1, 1)

        self.sundayLabel = QLabel(self.hoursCard)
        self.sundayLabel.setObjectName(u"sundayLabel")

        self.hoursGrid.addWidget(self.sundayLabel, 6, 0, 1, 1)

        self.hoursSunday = QLineEdit(self.hoursCard)
        self.hoursSunday.setObjectName(u"hoursSunday")

        self.hoursGrid.addWidget(self.hoursSunday, 6, 1, 1, 1)

        self.saveHoursButton = QPushButton(self.hoursCard)
        self.saveHoursButton.setObjectName(u"saveHoursButton")

        self.hoursGrid.addWidget(self.saveHoursButton, 7, 1, 1, 1)


        self.hoursLayout.addLayout(self.hoursGrid)


        self.contents.addWidget(self.hoursCard)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contents.addItem(self.bottomSpacer)

        self.scroll.setWidget(self.scrollContents)

        self.outer.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.noticeLabel.setBuddy(self.noticeSpin)
        self.lateFeeLabel.setBuddy(self.lateFeeEdit)
        self.noShowFeeLabel.setBuddy(self.noShowFeeEdit)
        self.graceLabel.setBuddy(self.graceSpin)
        self.policyTextLabel.setBuddy(self.policyTextEdit)
        self.mondayLabel.setBuddy(self.hoursMonday)
        self.tuesdayLabel.setBuddy(self.hoursTuesday)
        self.wednesdayLabel.setBuddy(self.hoursWednesday)
        self.thursdayLabel.setBuddy(self.hoursThursday)
        self.fridayLabel.setBuddy(self.hoursFriday)
        self.saturdayLabel.setBuddy(self.hoursSaturday)
        self.sundayLabel.setBuddy(self.hoursSunday)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.noticeSpin, self.lateFeeEdit)
        QWidget.setTabOrder(self.lateFeeEdit, self.noShowFeeEdit)
        QWidget.setTabOrder(self.noShowFeeEdit, self.graceSpin)
        QWidget.setTabOrder(self.graceSpin, self.policyTextEdit)
        QWidget.setTabOrder(self.policyTextEdit, self.savePolicyButton)
        QWidget.setTabOrder(self.savePolicyButton, self.policyPreview)
        QWidget.setTabOrder(self.policyPreview, self.hoursMonday)
        QWidget.setTabOrder(self.hoursMonday, self.hoursTuesday)
        QWidget.setTabOrder(self.hoursTuesday, self.hoursWednesday)
        QWidget.setTabOrder(self.hoursWednesday, self.hoursThursday)
        QWidget.setTabOrder(self.hoursThursday, self.hoursFriday)
        QWidget.setTabOrder(self.hoursFriday, self.hoursSaturday)
        QWidget.setTabOrder(self.hoursSaturday, self.hoursSunday)
        QWidget.setTabOrder(self.hoursSunday, self.saveHoursButton)

        self.retranslateUi(bookingSettingsPage)

        QMetaObject.connectSlotsByName(bookingSettingsPage)
    # setupUi

    def retranslateUi(self, bookingSettingsPage):
        self.pageTitle.setText(QCoreApplication.translate("BookingSettingsPage", u"Booking page settings", None))
#if QT_CONFIG(accessibility)
        self.pageTitle.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Booking page settings", None))
#endif // QT_CONFIG(accessibility)
        self.intro.setText(QCoreApplication.translate("BookingSettingsPage", u"The Worry-free booking policy clients see when they book. Saving a change makes a new version: it applies to appointments booked from then on, never to ones already booked.", None))
        self.policyVersion.setText("")
        self.noticeLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"&Notice window:", None))
        self.noticeSpin.setSuffix(QCoreApplication.translate("BookingSettingsPage", u" h", None))
#if QT_CONFIG(accessibility)
        self.noticeSpin.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Notice window in hours", None))
#endif // QT_CONFIG(accessibility)
        self.lateFeeLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"&Late-cancellation fee:", None))
#if QT_CONFIG(accessibility)
        self.lateFeeEdit.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Late-cancellation fee", None))
#endif // QT_CONFIG(accessibility)
        self.noShowFeeLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"N&o-show fee:", None))
#if QT_CONFIG(accessibility)
        self.noShowFeeEdit.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"No-show fee", None))
#endif // QT_CONFIG(accessibility)
        self.graceLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"&Grace period:", None))
        self.graceSpin.setSuffix(QCoreApplication.translate("BookingSettingsPage", u" min", None))
#if QT_CONFIG(accessibility)
        self.graceSpin.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Grace period in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.policyTextLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Your own &text:", None))
#if QT_CONFIG(accessibility)
        self.policyTextEdit.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Your own policy text", None))
#endif // QT_CONFIG(accessibility)
        self.policyTextEdit.setPlaceholderText(QCoreApplication.translate("BookingSettingsPage", u"Anything you want clients to know besides the fees and times above, which the policy states for you.", None))
        self.savePolicyButton.setText(QCoreApplication.translate("BookingSettingsPage", u"&Save as new version", None))
#if QT_CONFIG(accessibility)
        self.savePolicyButton.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Save policy as new version", None))
#endif // QT_CONFIG(accessibility)
        self.previewTitle.setText(QCoreApplication.translate("BookingSettingsPage", u"<b>What clients see</b>", None))
#if QT_CONFIG(accessibility)
        self.policyPreview.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Preview of what clients see", None))
#endif // QT_CONFIG(accessibility)
        self.policyHistory.setText("")
        self.hoursTitle.setText(QCoreApplication.translate("BookingSettingsPage", u"<b>Working hours</b> (the booking page's open slots come from them; e.g. 09:00-12:00, 13:00-17:00)", None))
        self.hoursZone.setText("")
        self.mondayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Monday", None))
#if QT_CONFIG(accessibility)
        self.hoursMonday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Monday", None))
#endif // QT_CONFIG(accessibility)
        self.tuesdayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Tuesday", None))
#if QT_CONFIG(accessibility)
        self.hoursTuesday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Tuesday", None))
#endif // QT_CONFIG(accessibility)
        self.wednesdayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Wednesday", None))
#if QT_CONFIG(accessibility)
        self.hoursWednesday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Wednesday", None))
#endif // QT_CONFIG(accessibility)
        self.thursdayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Thursday", None))
#if QT_CONFIG(accessibility)
        self.hoursThursday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Thursday", None))
#endif // QT_CONFIG(accessibility)
        self.fridayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Friday", None))
#if QT_CONFIG(accessibility)
        self.hoursFriday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Friday", None))
#endif // QT_CONFIG(accessibility)
        self.saturdayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Saturday", None))
#if QT_CONFIG(accessibility)
        self.hoursSaturday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Saturday", None))
#endif // QT_CONFIG(accessibility)
        self.sundayLabel.setText(QCoreApplication.translate("BookingSettingsPage", u"Sunday", None))
#if QT_CONFIG(accessibility)
        self.hoursSunday.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Working hours on Sunday", None))
#endif // QT_CONFIG(accessibility)
        self.saveHoursButton.setText(QCoreApplication.translate("BookingSettingsPage", u"Save wor&king hours", None))
#if QT_CONFIG(accessibility)
        self.saveHoursButton.setAccessibleName(QCoreApplication.translate("BookingSettingsPage", u"Save working hours", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

