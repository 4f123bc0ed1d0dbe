# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'noshow.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_NoShowDialog(object):
    def setupUi(self, noShowDialog):
        if not noShowDialog.objectName():
            noShowDialog.setObjectName(u"noShowDialog")
        self.outer = QVBoxLayout(noShowDialog)
        self.outer.setObjectName(u"outer")
        self.noShowSummary = QLabel(noShowDialog)
        self.noShowSummary.setObjectName(u"noShowSummary")

        self.outer.addWidget(self.noShowSummary)

        self.noShowFeeText = QLabel(noShowDialog)
        self.noShowFeeText.setObjectName(u"noShowFeeText")
        self.noShowFeeText.setWordWrap(True)

        self.outer.addWidget(self.noShowFeeText)

        self.waiveCheck = QCheckBox(noShowDialog)
        self.waiveCheck.setObjectName(u"waiveCheck")

        self.outer.addWidget(self.waiveCheck, 0, Qt.AlignmentFlag.AlignLeft)

        self.dialogError = QLabel(noShowDialog)
        self.dialogError.setObjectName(u"dialogError")
        self.dialogError.setWordWrap(True)
        self.dialogError.setProperty(u"error", True)

        self.outer.addWidget(self.dialogError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.confirmNoShowButton = QPushButton(noShowDialog)
        self.confirmNoShowButton.setObjectName(u"confirmNoShowButton")

        self.buttonRow.addWidget(self.confirmNoShowButton)

        self.cancelButton = QPushButton(noShowDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.waiveCheck, self.confirmNoShowButton)
        QWidget.setTabOrder(self.confirmNoShowButton, self.cancelButton)

        self.retranslateUi(noShowDialog)

        self.confirmNoShowButton.setDefault(True)


        QMetaObject.connectSlotsByName(noShowDialog)
    # setupUi

    def retranslateUi(self, noShowDialog):
        noShowDialog.setWindowTitle(QCoreApplication.translate("NoShowDialog", u"Mark as no-show", None))
        self.noShowSummary.setText("")
        self.noShowFeeText.setText("")
        self.waiveCheck.setText(QCoreApplication.translate("NoShowDialog", u"Waive the no-show fee", None))
#if QT_CONFIG(accessibility)
        self.waiveCheck.setAccessibleName(QCoreApplication.translate("NoShowDialog", u"Waive the no-show fee", None))
#endif // QT_CONFIG(accessibility)
        self.dialogError.setText("")
        self.confirmNoShowButton.setText(QCoreApplication.translate("NoShowDialog", u"Mark no-show", None))
#if QT_CONFIG(accessibility)
        self.confirmNoShowButton.setAccessibleName(QCoreApplication.translate("NoShowDialog", u"Mark no-show", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("NoShowDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("NoShowDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

