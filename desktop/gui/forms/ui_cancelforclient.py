# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cancelforclient.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CancelForClientDialog(object):
    def setupUi(self, cancelForClientDialog):
        if not cancelForClientDialog.objectName():
            cancelForClientDialog.setObjectName(u"cancelForClientDialog")
        self.outer = QVBoxLayout(cancelForClientDialog)
        self.outer.setObjectName(u"outer")
        self.cancelSummary = QLabel(cancelForClientDialog)
        self.cancelSummary.setObjectName(u"cancelSummary")

        self.outer.addWidget(self.cancelSummary)

        self.cancelOnlyThisRadio = QRadioButton(cancelForClientDialog)
        self.cancelOnlyThisRadio.setObjectName(u"cancelOnlyThisRadio")
        self.cancelOnlyThisRadio.setChecked(True)

        self.outer.addWidget(self.cancelOnlyThisRadio, 0, Qt.AlignmentFlag.AlignLeft)

        self.cancelSeriesFromHereRadio = QRadioButton(cancelForClientDialog)
        self.cancelSeriesFromHereRadio.setObjectName(u"cancelSeriesFromHereRadio")

        self.outer.addWidget(self.cancelSeriesFromHereRadio, 0, Qt.AlignmentFlag.AlignLeft)

        self.seriesCancelCount = QLabel(cancelForClientDialog)
        self.seriesCancelCount.setObjectName(u"seriesCancelCount")
        self.seriesCancelCount.setWordWrap(True)
        self.seriesCancelCount.setProperty(u"muted", True)

        self.outer.addWidget(self.seriesCancelCount)

        self.noFeeNote = QLabel(cancelForClientDialog)
        self.noFeeNote.setObjectName(u"noFeeNote")
        self.noFeeNote.setWordWrap(True)
        self.noFeeNote.setProperty(u"muted", True)

        self.outer.addWidget(self.noFeeNote)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reasonLabel = QLabel(cancelForClientDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(cancelForClientDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.noteLabel = QLabel(cancelForClientDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(cancelForClientDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMinimumSize(QSize(0, 80))
        self.noteEdit.setMaximumSize(QSize(16777215, 80))
        self.noteEdit.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.outer.addLayout(self.form)

        self.dialogError = QLabel(cancelForClientDialog)
        self.dialogError.setObjectName(u"dialogError")
        self.dialogError.setWordWrap(True)
        self.dialogError.setProperty(u"error", True)

        self.outer.addWidget(self.dialogError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.confirmCancelButton = QPushButton(cancelForClientDialog)
        self.confirmCancelButton.setObjectName(u"confirmCancelButton")
        self.confirmCancelButton.setProperty(u"danger", True)

        self.buttonRow.addWidget(self.confirmCancelButton)

        self.keepButton = QPushButton(cancelForClientDialog)
        self.keepButton.setObjectName(u"keepButton")

        self.buttonRow.addWidget(self.keepButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cancelOnlyThisRadio, self.cancelSeriesFromHereRadio)
        QWidget.setTabOrder(self.cancelSeriesFromHereRadio, self.reasonCombo)
        QWidget.setTabOrder(self.reasonCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.confirmCancelButton)
        QWidget.setTabOrder(self.confirmCancelButton, self.keepButton)

        self.retranslateUi(cancelForClientDialog)

        self.confirmCancelButton.setDefault(True)


        QMetaObject.connectSlotsByName(cancelForClientDialog)
    # setupUi

    def retranslateUi(self, cancelForClientDialog):
        cancelForClientDialog.setWindowTitle(QCoreApplication.translate("CancelForClientDialog", u"Cancel for the client", None))
        self.cancelSummary.setText("")
        self.cancelOnlyThisRadio.setText(QCoreApplication.translate("CancelForClientDialog", u"&This appointment", None))
#if QT_CONFIG(accessibility)
        self.cancelOnlyThisRadio.setAccessibleName(QCoreApplication.translate("CancelForClientDialog", u"Cancel this appointment only", None))
#endif // QT_CONFIG(accessibility)
        self.cancelSeriesFromHereRadio.setText(QCoreApplication.translate("CancelForClientDialog", u"This and all &later appointments in the series", None))
#if QT_CONFIG(accessibility)
        self.cancelSeriesFromHereRadio.setAccessibleName(QCoreApplication.translate("CancelForClientDialog", u"Cancel this and all later appointments in the series", None))
#endif // QT_CONFIG(accessibility)
        self.seriesCancelCount.setText("")
        self.noFeeNote.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("CancelForClientDialog", u"&Reason:", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("CancelForClientDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("CancelForClientDialog", u"&Note:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("CancelForClientDialog", u"Optional note to the client", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("CancelForClientDialog", u"Note to the client", None))
#endif // QT_CONFIG(accessibility)
        self.dialogError.setText("")
        self.confirmCancelButton.setText(QCoreApplication.translate("CancelForClientDialog", u"Cancel appointment", None))
#if QT_CONFIG(accessibility)
        self.confirmCancelButton.setAccessibleName(QCoreApplication.translate("CancelForClientDialog", u"Cancel appointment", None))
#endif // QT_CONFIG(accessibility)
        self.keepButton.setText(QCoreApplication.translate("CancelForClientDialog", u"Keep it", None))
#if QT_CONFIG(accessibility)
        self.keepButton.setAccessibleName(QCoreApplication.translate("CancelForClientDialog", u"Keep it", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

