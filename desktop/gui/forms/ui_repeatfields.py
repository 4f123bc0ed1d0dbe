# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'repeatfields.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QSpacerItem, QSpinBox, QWidget)

class Ui_RepeatFields(object):
    def setupUi(self, RepeatFields):
        if not RepeatFields.objectName():
            RepeatFields.setObjectName(u"RepeatFields")
        self.form = QFormLayout(RepeatFields)
        self.form.setObjectName(u"form")
        self.form.setContentsMargins(0, 0, 0, 0)
        self.repeatLabel = QLabel(RepeatFields)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatCombo = QComboBox(RepeatFields)
        self.repeatCombo.setObjectName(u"repeatCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.repeatCombo)

        self.endsLabel = QLabel(RepeatFields)
        self.endsLabel.setObjectName(u"endsLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endsLabel)

        self.endsRow = QWidget(RepeatFields)
        self.endsRow.setObjectName(u"endsRow")
        self.endsLayout = QHBoxLayout(self.endsRow)
        self.endsLayout.setObjectName(u"endsLayout")
        self.endsLayout.setContentsMargins(0, 0, 0, 0)
        self.endsAfterRadio = QRadioButton(self.endsRow)
        self.endsAfterRadio.setObjectName(u"endsAfterRadio")
        self.endsAfterRadio.setChecked(True)

        self.endsLayout.addWidget(self.endsAfterRadio)

        self.countSpin = QSpinBox(self.endsRow)
        self.countSpin.setObjectName(u"countSpin")
        self.countSpin.setMinimum(1)
        self.countSpin.setMaximum(200)
        self.countSpin.setValue(10)

        self.endsLayout.addWidget(self.countSpin)

        self.timesLabel = QLabel(self.endsRow)
        self.timesLabel.setObjectName(u"timesLabel")

        self.endsLayout.addWidget(self.timesLabel)

        self.endsOnRadio = QRadioButton(self.endsRow)
        self.endsOnRadio.setObjectName(u"endsOnRadio")

        self.endsLayout.addWidget(self.endsOnRadio)

        self.untilDate = QDateEdit(self.endsRow)
        self.untilDate.setObjectName(u"untilDate")
        self.untilDate.setCalendarPopup(True)
        self.untilDate.setDisplayFormat(u"ddd d MMM yyyy")

        self.endsLayout.addWidget(self.untilDate)

        self.endsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endsLayout.addItem(self.endsSpacer)


        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.endsRow)

#if QT_CONFIG(shortcut)
        self.repeatLabel.setBuddy(self.repeatCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.repeatCombo, self.endsAfterRadio)
        QWidget.setTabOrder(self.endsAfterRadio, self.countSpin)
        QWidget.setTabOrder(self.countSpin, self.endsOnRadio)
        QWidget.setTabOrder(self.endsOnRadio, self.untilDate)

        self.retranslateUi(RepeatFields)

        QMetaObject.connectSlotsByName(RepeatFields)
    # setupUi

    def retranslateUi(self, RepeatFields):
        self.repeatLabel.setText(QCoreApplication.translate("RepeatFields", u"&Repeat:", None))
#if QT_CONFIG(accessibility)
        self.repeatCombo.setAccessibleName(QCoreApplication.translate("RepeatFields", u"Repeat", None))
#endif // QT_CONFIG(accessibility)
        self.endsLabel.setText(QCoreApplication.translate("RepeatFields", u"Ends:", None))
        self.endsAfterRadio.setText(QCoreApplication.translate("RepeatFields", u"After", None))
#if QT_CONFIG(accessibility)
        self.endsAfterRadio.setAccessibleName(QCoreApplication.translate("RepeatFields", u"Ends after a number of times", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.countSpin.setAccessibleName(QCoreApplication.translate("RepeatFields", u"Number of appointments", None))
#endif // QT_CONFIG(accessibility)
        self.timesLabel.setText(QCoreApplication.translate("RepeatFields", u"times", None))
        self.endsOnRadio.setText(QCoreApplication.translate("RepeatFields", u"On", None))
#if QT_CONFIG(accessibility)
        self.endsOnRadio.setAccessibleName(QCoreApplication.translate("RepeatFields", u"Ends on a date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.untilDate.setAccessibleName(QCoreApplication.translate("RepeatFields", u"Last date", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

