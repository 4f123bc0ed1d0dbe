# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'newappointment.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QTime)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTimeEdit, QVBoxLayout)

from desktop.gui.provider.repeat_fields import RepeatFields

class Ui_NewAppointmentDialog(object):
    def setupUi(self, newAppointmentDialog):
        if not newAppointmentDialog.objectName():
            newAppointmentDialog.setObjectName(u"newAppointmentDialog")
        self.outer = QVBoxLayout(newAppointmentDialog)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.clientLabel = QLabel(newAppointmentDialog)
        self.clientLabel.setObjectName(u"clientLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.clientLabel)

        self.clientCombo = QComboBox(newAppointmentDialog)
        self.clientCombo.setObjectName(u"clientCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.clientCombo)

        self.serviceLabel = QLabel(newAppointmentDialog)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.serviceCombo = QComboBox(newAppointmentDialog)
        self.serviceCombo.setObjectName(u"serviceCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serviceCombo)

        self.dateLabel = QLabel(newAppointmentDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(newAppointmentDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"ddd d MMM yyyy")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.startLabel = QLabel(newAppointmentDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.timeEdit = QTimeEdit(newAppointmentDialog)
        self.timeEdit.setObjectName(u"timeEdit")
        self.timeEdit.setDisplayFormat(u"HH:mm")
        self.timeEdit.setTime(QTime(10, 0, 0))

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.timeEdit)

        self.lengthLabel = QLabel(newAppointmentDialog)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lengthLabel)

        self.durationSpin = QSpinBox(newAppointmentDialog)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setMinimum(10)
        self.durationSpin.setMaximum(240)
        self.durationSpin.setSingleStep(5)
        self.durationSpin.setValue(50)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.durationSpin)


        self.outer.addLayout(self.form)

        self.repeat = RepeatFields(newAppointmentDialog)
        self.repeat.setObjectName(u"repeat")

        self.outer.addWidget(self.repeat)

        self.dialogError = QLabel(newAppointmentDialog)
        self.dialogError.setObjectName(u"dialogError")
        self.dialogError.setWordWrap(True)
        self.dialogError.setProperty(u"error", True)

        self.outer.addWidget(self.dialogError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.createAppointmentButton = QPushButton(newAppointmentDialog)
        self.createAppointmentButton.setObjectName(u"createAppointmentButton")

        self.buttonRow.addWidget(self.createAppointmentButton)

        self.cancelButton = QPushButton(newAppointmentDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.clientLabel.setBuddy(self.clientCombo)
        self.serviceLabel.setBuddy(self.serviceCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.startLabel.setBuddy(self.timeEdit)
        self.lengthLabel.setBuddy(self.durationSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(newAppointmentDialog)

        self.createAppointmentButton.setDefault(True)


        QMetaObject.connectSlotsByName(newAppointmentDialog)
    # setupUi

    def retranslateUi(self, newAppointmentDialog):
        newAppointmentDialog.setWindowTitle(QCoreApplication.translate("NewAppointmentDialog", u"New appointment", None))
        self.clientLabel.setText(QCoreApplication.translate("NewAppointmentDialog", u"&Client:", None))
#if QT_CONFIG(accessibility)
        self.clientCombo.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Client", None))
#endif // QT_CONFIG(accessibility)
        self.serviceLabel.setText(QCoreApplication.translate("NewAppointmentDialog", u"&Service:", None))
#if QT_CONFIG(accessibility)
        self.serviceCombo.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Service", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("NewAppointmentDialog", u"&Date:", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(QCoreApplication.translate("NewAppointmentDialog", u"S&tart:", None))
#if QT_CONFIG(accessibility)
        self.timeEdit.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Start time", None))
#endif // QT_CONFIG(accessibility)
        self.lengthLabel.setText(QCoreApplication.translate("NewAppointmentDialog", u"&Length:", None))
        self.durationSpin.setSuffix(QCoreApplication.translate("NewAppointmentDialog", u" min", None))
#if QT_CONFIG(accessibility)
        self.durationSpin.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Length in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.dialogError.setText("")
        self.createAppointmentButton.setText(QCoreApplication.translate("NewAppointmentDialog", u"Create", None))
#if QT_CONFIG(accessibility)
        self.createAppointmentButton.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Create appointment", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("NewAppointmentDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("NewAppointmentDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

