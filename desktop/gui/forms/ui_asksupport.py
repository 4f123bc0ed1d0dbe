# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'asksupport.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AskSupportDialog(object):
    def setupUi(self, askSupportDialog):
        if not askSupportDialog.objectName():
            askSupportDialog.setObjectName(u"askSupportDialog")
        self.outer = QVBoxLayout(askSupportDialog)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.aboutFee = QLabel(askSupportDialog)
        self.aboutFee.setObjectName(u"aboutFee")
        self.aboutFee.setWordWrap(True)

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.aboutFee)

        self.proposedAmountLabel = QLabel(askSupportDialog)
        self.proposedAmountLabel.setObjectName(u"proposedAmountLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.proposedAmountLabel)

        self.proposedAmount = QLineEdit(askSupportDialog)
        self.proposedAmount.setObjectName(u"proposedAmount")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.proposedAmount)

        self.waiveCheck = QCheckBox(askSupportDialog)
        self.waiveCheck.setObjectName(u"waiveCheck")

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.waiveCheck)

        self.adjustReasonLabel = QLabel(askSupportDialog)
        self.adjustReasonLabel.setObjectName(u"adjustReasonLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adjustReasonLabel)

        self.adjustReason = QPlainTextEdit(askSupportDialog)
        self.adjustReason.setObjectName(u"adjustReason")
        self.adjustReason.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adjustReason)


        self.outer.addLayout(self.form)

        self.errorLabel = QLabel(askSupportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"error", True)

        self.outer.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.submitButton = QPushButton(askSupportDialog)
        self.submitButton.setObjectName(u"submitButton")

        self.buttonRow.addWidget(self.submitButton)

        self.cancelButton = QPushButton(askSupportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.proposedAmountLabel.setBuddy(self.proposedAmount)
        self.adjustReasonLabel.setBuddy(self.adjustReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.proposedAmount, self.waiveCheck)
        QWidget.setTabOrder(self.waiveCheck, self.adjustReason)
        QWidget.setTabOrder(self.adjustReason, self.submitButton)
        QWidget.setTabOrder(self.submitButton, self.cancelButton)

        self.retranslateUi(askSupportDialog)

        self.submitButton.setDefault(True)


        QMetaObject.connectSlotsByName(askSupportDialog)
    # setupUi

    def retranslateUi(self, askSupportDialog):
        askSupportDialog.setWindowTitle(QCoreApplication.translate("AskSupportDialog", u"Ask Support to adjust", None))
        self.aboutFee.setText("")
        self.proposedAmountLabel.setText(QCoreApplication.translate("AskSupportDialog", u"&Proposed amount:", None))
#if QT_CONFIG(accessibility)
        self.proposedAmount.setAccessibleName(QCoreApplication.translate("AskSupportDialog", u"Proposed amount", None))
#endif // QT_CONFIG(accessibility)
        self.waiveCheck.setText(QCoreApplication.translate("AskSupportDialog", u"&Waive the fee entirely", None))
#if QT_CONFIG(accessibility)
        self.waiveCheck.setAccessibleName(QCoreApplication.translate("AskSupportDialog", u"Waive the fee entirely", None))
#endif // QT_CONFIG(accessibility)
        self.adjustReasonLabel.setText(QCoreApplication.translate("AskSupportDialog", u"&Reason:", None))
        self.adjustReason.setPlaceholderText(QCoreApplication.translate("AskSupportDialog", u"Why there is flexibility here.", None))
#if QT_CONFIG(accessibility)
        self.adjustReason.setAccessibleName(QCoreApplication.translate("AskSupportDialog", u"Reason for Support", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AskSupportDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.submitButton.setText(QCoreApplication.translate("AskSupportDialog", u"Send to Support", None))
#if QT_CONFIG(accessibility)
        self.submitButton.setAccessibleName(QCoreApplication.translate("AskSupportDialog", u"Send to Support", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("AskSupportDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("AskSupportDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

