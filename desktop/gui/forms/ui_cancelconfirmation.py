# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cancelconfirmation.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CancelConfirmation(object):
    def setupUi(self, cancelConfirmation):
        if not cancelConfirmation.objectName():
            cancelConfirmation.setObjectName(u"cancelConfirmation")
        self.outer = QVBoxLayout(cancelConfirmation)
        self.outer.setObjectName(u"outer")
        self.confirmationTitle = QLabel(cancelConfirmation)
        self.confirmationTitle.setObjectName(u"confirmationTitle")
        self.confirmationTitle.setProperty(u"role", u"heading")

        self.outer.addWidget(self.confirmationTitle)

        self.confirmationText = QLabel(cancelConfirmation)
        self.confirmationText.setObjectName(u"confirmationText")
        self.confirmationText.setWordWrap(True)

        self.outer.addWidget(self.confirmationText)

        self.bookAgainQuestion = QLabel(cancelConfirmation)
        self.bookAgainQuestion.setObjectName(u"bookAgainQuestion")
        self.bookAgainQuestion.setWordWrap(True)
        self.bookAgainQuestion.setProperty(u"muted", True)

        self.outer.addWidget(self.bookAgainQuestion)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.confirmationRescheduleButton = QPushButton(cancelConfirmation)
        self.confirmationRescheduleButton.setObjectName(u"confirmationRescheduleButton")
        self.confirmationRescheduleButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.confirmationRescheduleButton)

        self.returnToDashboardButton = QPushButton(cancelConfirmation)
        self.returnToDashboardButton.setObjectName(u"returnToDashboardButton")

        self.buttonRow.addWidget(self.returnToDashboardButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.outer.addLayout(self.buttonRow)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        QWidget.setTabOrder(self.confirmationRescheduleButton, self.returnToDashboardButton)

        self.retranslateUi(cancelConfirmation)

        QMetaObject.connectSlotsByName(cancelConfirmation)
    # setupUi

    def retranslateUi(self, cancelConfirmation):
        self.confirmationTitle.setText(QCoreApplication.translate("CancelConfirmation", u"Appointment cancelled", None))
#if QT_CONFIG(accessibility)
        self.confirmationTitle.setAccessibleName(QCoreApplication.translate("CancelConfirmation", u"Appointment cancelled", None))
#endif // QT_CONFIG(accessibility)
        self.confirmationText.setText("")
        self.bookAgainQuestion.setText(QCoreApplication.translate("CancelConfirmation", u"Would you like to book another time?", None))
        self.confirmationRescheduleButton.setText(QCoreApplication.translate("CancelConfirmation", u"&Reschedule", None))
#if QT_CONFIG(accessibility)
        self.confirmationRescheduleButton.setAccessibleName(QCoreApplication.translate("CancelConfirmation", u"Reschedule", None))
#endif // QT_CONFIG(accessibility)
        self.returnToDashboardButton.setText(QCoreApplication.translate("CancelConfirmation", u"Return to &dashboard", None))
#if QT_CONFIG(accessibility)
        self.returnToDashboardButton.setAccessibleName(QCoreApplication.translate("CancelConfirmation", u"Return to dashboard", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

