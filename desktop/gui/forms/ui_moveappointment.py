# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'moveappointment.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QTimeEdit, QVBoxLayout)

from desktop.gui.provider.repeat_fields import RepeatFields

class Ui_MoveDialog(object):
    def setupUi(self, moveDialog):
        if not moveDialog.objectName():
            moveDialog.setObjectName(u"moveDialog")
        self.outer = QVBoxLayout(moveDialog)
        self.outer.setObjectName(u"outer")
        self.moveSummary = QLabel(moveDialog)
        self.moveSummary.setObjectName(u"moveSummary")

        self.outer.addWidget(self.moveSummary)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.moveDateLabel = QLabel(moveDialog)
        self.moveDateLabel.setObjectName(u"moveDateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.moveDateLabel)

        self.moveDate = QDateEdit(moveDialog)
        self.moveDate.setObjectName(u"moveDate")
        self.moveDate.setCalendarPopup(True)
        self.moveDate.setDisplayFormat(u"ddd d MMM yyyy")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.moveDate)

        self.moveTimeLabel = QLabel(moveDialog)
        self.moveTimeLabel.setObjectName(u"moveTimeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.moveTimeLabel)

        self.moveTime = QTimeEdit(moveDialog)
        self.moveTime.setObjectName(u"moveTime")
        self.moveTime.setDisplayFormat(u"HH:mm")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.moveTime)


        self.outer.addLayout(self.form)

        self.onlyThisRadio = QRadioButton(moveDialog)
        self.onlyThisRadio.setObjectName(u"onlyThisRadio")
        self.onlyThisRadio.setChecked(True)

        self.outer.addWidget(self.onlyThisRadio, 0, Qt.AlignmentFlag.AlignLeft)

        self.seriesFromHereRadio = QRadioButton(moveDialog)
        self.seriesFromHereRadio.setObjectName(u"seriesFromHereRadio")

        self.outer.addWidget(self.seriesFromHereRadio, 0, Qt.AlignmentFlag.AlignLeft)

        self.repeat = RepeatFields(moveDialog)
        self.repeat.setObjectName(u"repeat")
        self.repeat.setEnabled(False)

        self.outer.addWidget(self.repeat)

        self.dialogError = QLabel(moveDialog)
        self.dialogError.setObjectName(u"dialogError")
        self.dialogError.setWordWrap(True)
        self.dialogError.setProperty(u"error", True)

        self.outer.addWidget(self.dialogError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveMoveButton = QPushButton(moveDialog)
        self.saveMoveButton.setObjectName(u"saveMoveButton")

        self.buttonRow.addWidget(self.saveMoveButton)

        self.cancelButton = QPushButton(moveDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.moveDateLabel.setBuddy(self.moveDate)
        self.moveTimeLabel.setBuddy(self.moveTime)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(moveDialog)

        self.saveMoveButton.setDefault(True)


        QMetaObject.connectSlotsByName(moveDialog)
    # setupUi

    def retranslateUi(self, moveDialog):
        moveDialog.setWindowTitle(QCoreApplication.translate("MoveDialog", u"Change appointment", None))
        self.moveSummary.setText("")
        self.moveDateLabel.setText(QCoreApplication.translate("MoveDialog", u"New &date:", None))
#if QT_CONFIG(accessibility)
        self.moveDate.setAccessibleName(QCoreApplication.translate("MoveDialog", u"New date", None))
#endif // QT_CONFIG(accessibility)
        self.moveTimeLabel.setText(QCoreApplication.translate("MoveDialog", u"New s&tart:", None))
#if QT_CONFIG(accessibility)
        self.moveTime.setAccessibleName(QCoreApplication.translate("MoveDialog", u"New start time", None))
#endif // QT_CONFIG(accessibility)
        self.onlyThisRadio.setText(QCoreApplication.translate("MoveDialog", u"This appointment only", None))
#if QT_CONFIG(accessibility)
        self.onlyThisRadio.setAccessibleName(QCoreApplication.translate("MoveDialog", u"This appointment only", None))
#endif // QT_CONFIG(accessibility)
        self.seriesFromHereRadio.setText(QCoreApplication.translate("MoveDialog", u"This and all following (the series from this date on)", None))
#if QT_CONFIG(accessibility)
        self.seriesFromHereRadio.setAccessibleName(QCoreApplication.translate("MoveDialog", u"The series from this date on", None))
#endif // QT_CONFIG(accessibility)
        self.dialogError.setText("")
        self.saveMoveButton.setText(QCoreApplication.translate("MoveDialog", u"Save", None))
#if QT_CONFIG(accessibility)
        self.saveMoveButton.setAccessibleName(QCoreApplication.translate("MoveDialog", u"Save the change", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("MoveDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("MoveDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

