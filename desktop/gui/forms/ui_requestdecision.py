# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'requestdecision.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTextBrowser, QVBoxLayout, QWidget)

class Ui_RequestDecision(object):
    def setupUi(self, requestDetail):
        if not requestDetail.objectName():
            requestDetail.setObjectName(u"requestDetail")
        self.outer = QVBoxLayout(requestDetail)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(8, 0, 0, 0)
        self.detailGrid = QGridLayout()
        self.detailGrid.setObjectName(u"detailGrid")
        self.detailChargeLabel = QLabel(requestDetail)
        self.detailChargeLabel.setObjectName(u"detailChargeLabel")

        self.detailGrid.addWidget(self.detailChargeLabel, 0, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_charge = QLabel(requestDetail)
        self.detail_charge.setObjectName(u"detail_charge")
        self.detail_charge.setTextFormat(Qt.TextFormat.RichText)
        self.detail_charge.setWordWrap(True)
        self.detail_charge.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailGrid.addWidget(self.detail_charge, 0, 1, 1, 1)

        self.detailAppointmentLabel = QLabel(requestDetail)
        self.detailAppointmentLabel.setObjectName(u"detailAppointmentLabel")

        self.detailGrid.addWidget(self.detailAppointmentLabel, 1, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_appointment = QLabel(requestDetail)
        self.detail_appointment.setObjectName(u"detail_appointment")
        self.detail_appointment.setTextFormat(Qt.TextFormat.RichText)
        self.detail_appointment.setWordWrap(True)
        self.detail_appointment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailGrid.addWidget(self.detail_appointment, 1, 1, 1, 1)

        self.detailPolicyLabel = QLabel(requestDetail)
        self.detailPolicyLabel.setObjectName(u"detailPolicyLabel")

        self.detailGrid.addWidget(self.detailPolicyLabel, 2, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_policy = QLabel(requestDetail)
        self.detail_policy.setObjectName(u"detail_policy")
        self.detail_policy.setTextFormat(Qt.TextFormat.RichText)
        self.detail_policy.setWordWrap(True)
        self.detail_policy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailGrid.addWidget(self.detail_policy, 2, 1, 1, 1)

        self.detailProposalLabel = QLabel(requestDetail)
        self.detailProposalLabel.setObjectName(u"detailProposalLabel")

        self.detailGrid.addWidget(self.detailProposalLabel, 3, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_proposal = QLabel(requestDetail)
        self.detail_proposal.setObjectName(u"detail_proposal")
        self.detail_proposal.setTextFormat(Qt.TextFormat.RichText)
        self.detail_proposal.setWordWrap(True)
        self.detail_proposal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailGrid.addWidget(self.detail_proposal, 3, 1, 1, 1)

        self.detailRequestReasonLabel = QLabel(requestDetail)
        self.detailRequestReasonLabel.setObjectName(u"detailRequestReasonLabel")

        self.detailGrid.addWidget(self.detailRequestReasonLabel, 4, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_request_reason = QLabel(requestDetail)
        self.detail_request_reason.setObjectName(u"detail_request_reason")
        self.detail_request_reason.setTextFormat(Qt.TextFormat.RichText)
        self.detail_request_reason.setWordWrap(True)
        self.detail_request_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailGrid.addWidget(self.detail_request_reason, 4, 1, 1, 1)

        self.detailDecisionLabel = QLabel(requestDetail)
        self.detailDecisionLabel.setObjectName(u"detailDecisionLabel")

        self.detailGrid.addWidget(self.detailDecisionLabel, 5, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_decision = QLabel(requestDetail)
        self.detail_decision.setObjectName(u"detail_decision")
        self.detail_decision.setTextFormat(Qt.TextFormat.RichText)
        self.detail_decision.setWordWrap(True)
        self.detail_decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailGrid.addWidget(self.detail_decision, 5, 1, 1, 1)

        self.threadLabel = QLabel(requestDetail)
        self.threadLabel.setObjectName(u"threadLabel")

        self.detailGrid.addWidget(self.threadLabel, 6, 0, 1, 2)

        self.requestThread = QTextBrowser(requestDetail)
        self.requestThread.setObjectName(u"requestThread")

        self.detailGrid.addWidget(self.requestThread, 7, 0, 1, 2)

        self.newAmountLabel = QLabel(requestDetail)
        self.newAmountLabel.setObjectName(u"newAmountLabel")

        self.detailGrid.addWidget(self.newAmountLabel, 8, 0, 1, 1)

        self.newAmount = QLineEdit(requestDetail)
        self.newAmount.setObjectName(u"newAmount")

        self.detailGrid.addWidget(self.newAmount, 8, 1, 1, 1)

        self.decisionReasonLabel = QLabel(requestDetail)
        self.decisionReasonLabel.setObjectName(u"decisionReasonLabel")

        self.detailGrid.addWidget(self.decisionReasonLabel, 9, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.decisionReason = QPlainTextEdit(requestDetail)
        self.decisionReason.setObjectName(u"decisionReason")
        self.decisionReason.setMaximumSize(QSize(16777215, 70))
        self.decisionReason.setTabChangesFocus(True)

        self.detailGrid.addWidget(self.decisionReason, 9, 1, 1, 1)

        self.detailGrid.setRowStretch(7, 1)
        self.detailGrid.setColumnStretch(1, 1)

        self.outer.addLayout(self.detailGrid)

        self.errorLabel = QLabel(requestDetail)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"error", True)

        self.outer.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.adjustButton = QPushButton(requestDetail)
        self.adjustButton.setObjectName(u"adjustButton")

        self.buttonRow.addWidget(self.adjustButton)

        self.waiveButton = QPushButton(requestDetail)
        self.waiveButton.setObjectName(u"waiveButton")

        self.buttonRow.addWidget(self.waiveButton)

        self.declineButton = QPushButton(requestDetail)
        self.declineButton.setObjectName(u"declineButton")

        self.buttonRow.addWidget(self.declineButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.historyButton = QPushButton(requestDetail)
        self.historyButton.setObjectName(u"historyButton")

        self.buttonRow.addWidget(self.historyButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.newAmountLabel.setBuddy(self.newAmount)
        self.decisionReasonLabel.setBuddy(self.decisionReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.requestThread, self.newAmount)
        QWidget.setTabOrder(self.newAmount, self.decisionReason)
        QWidget.setTabOrder(self.decisionReason, self.adjustButton)
        QWidget.setTabOrder(self.adjustButton, self.waiveButton)
        QWidget.setTabOrder(self.waiveButton, self.declineButton)
        QWidget.setTabOrder(self.declineButton, self.historyButton)

        self.retranslateUi(requestDetail)

        QMetaObject.connectSlotsByName(requestDetail)
    # setupUi

    def retranslateUi(self, requestDetail):
        self.detailChargeLabel.setText(QCoreApplication.translate("RequestDecision", u"Charge:", None))
        self.detail_charge.setText("")
        self.detailAppointmentLabel.setText(QCoreApplication.translate("RequestDecision", u"Appointment:", None))
        self.detail_appointment.setText("")
        self.detailPolicyLabel.setText(QCoreApplication.translate("RequestDecision", u"Booked under:", None))
        self.detail_policy.setText("")
        self.detailProposalLabel.setText(QCoreApplication.translate("RequestDecision", u"Proposed:", None))
        self.detail_proposal.setText("")
        self.detailRequestReasonLabel.setText(QCoreApplication.translate("RequestDecision", u"Provider's reason:", None))
        self.detail_request_reason.setText("")
        self.detailDecisionLabel.setText(QCoreApplication.translate("RequestDecision", u"Decision:", None))
        self.detail_decision.setText("")
        self.threadLabel.setText(QCoreApplication.translate("RequestDecision", u"Dispute conversation:", None))
#if QT_CONFIG(accessibility)
        self.requestThread.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Dispute conversation", None))
#endif // QT_CONFIG(accessibility)
        self.newAmountLabel.setText(QCoreApplication.translate("RequestDecision", u"&New amount:", None))
#if QT_CONFIG(accessibility)
        self.newAmount.setAccessibleName(QCoreApplication.translate("RequestDecision", u"New amount", None))
#endif // QT_CONFIG(accessibility)
        self.decisionReasonLabel.setText(QCoreApplication.translate("RequestDecision", u"&Reason / note:", None))
        self.decisionReason.setPlaceholderText(QCoreApplication.translate("RequestDecision", u"Why (the client and the provider will read this)", None))
#if QT_CONFIG(accessibility)
        self.decisionReason.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Reason or note for the client and provider", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.adjustButton.setText(QCoreApplication.translate("RequestDecision", u"A&djust", None))
#if QT_CONFIG(accessibility)
        self.adjustButton.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Adjust the fee", None))
#endif // QT_CONFIG(accessibility)
        self.waiveButton.setText(QCoreApplication.translate("RequestDecision", u"&Waive", None))
#if QT_CONFIG(accessibility)
        self.waiveButton.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Waive the fee", None))
#endif // QT_CONFIG(accessibility)
        self.declineButton.setText(QCoreApplication.translate("RequestDecision", u"De&cline", None))
#if QT_CONFIG(accessibility)
        self.declineButton.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Decline the fee", None))
#endif // QT_CONFIG(accessibility)
        self.historyButton.setText(QCoreApplication.translate("RequestDecision", u"Hi&story", None))
#if QT_CONFIG(accessibility)
        self.historyButton.setAccessibleName(QCoreApplication.translate("RequestDecision", u"Show this charge's history", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

