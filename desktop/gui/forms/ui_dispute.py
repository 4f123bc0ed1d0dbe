# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dispute.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_DisputeDialog(object):
    def setupUi(self, disputeDialog):
        if not disputeDialog.objectName():
            disputeDialog.setObjectName(u"disputeDialog")
        self.outer = QVBoxLayout(disputeDialog)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.aboutFee = QLabel(disputeDialog)
        self.aboutFee.setObjectName(u"aboutFee")
        self.aboutFee.setWordWrap(True)

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.aboutFee)

        self.disputeReasonLabel = QLabel(disputeDialog)
        self.disputeReasonLabel.setObjectName(u"disputeReasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.disputeReasonLabel)

        self.disputeReason = QPlainTextEdit(disputeDialog)
        self.disputeReason.setObjectName(u"disputeReason")
        self.disputeReason.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.disputeReason)


        self.outer.addLayout(self.form)

        self.errorLabel = QLabel(disputeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"error", True)

        self.outer.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.submitButton = QPushButton(disputeDialog)
        self.submitButton.setObjectName(u"submitButton")

        self.buttonRow.addWidget(self.submitButton)

        self.cancelButton = QPushButton(disputeDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.disputeReasonLabel.setBuddy(self.disputeReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.disputeReason, self.submitButton)
        QWidget.setTabOrder(self.submitButton, self.cancelButton)

        self.retranslateUi(disputeDialog)

        self.submitButton.setDefault(True)


        QMetaObject.connectSlotsByName(disputeDialog)
    # setupUi

    def retranslateUi(self, disputeDialog):
        disputeDialog.setWindowTitle(QCoreApplication.translate("DisputeDialog", u"Dispute this fee", None))
        self.aboutFee.setText("")
        self.disputeReasonLabel.setText(QCoreApplication.translate("DisputeDialog", u"&Why do you dispute it?", None))
        self.disputeReason.setPlaceholderText(QCoreApplication.translate("DisputeDialog", u"Tell your provider what happened.", None))
#if QT_CONFIG(accessibility)
        self.disputeReason.setAccessibleName(QCoreApplication.translate("DisputeDialog", u"Why you dispute this fee", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("DisputeDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.submitButton.setText(QCoreApplication.translate("DisputeDialog", u"Send dispute", None))
#if QT_CONFIG(accessibility)
        self.submitButton.setAccessibleName(QCoreApplication.translate("DisputeDialog", u"Send dispute", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("DisputeDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("DisputeDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

