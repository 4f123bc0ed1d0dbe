# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'videolink.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_VideoLinkDialog(object):
    def setupUi(self, videoLinkDialog):
        if not videoLinkDialog.objectName():
            videoLinkDialog.setObjectName(u"videoLinkDialog")
        videoLinkDialog.setMinimumSize(QSize(460, 0))
        self.outer = QVBoxLayout(videoLinkDialog)
        self.outer.setObjectName(u"outer")
        self.videoLinkSummary = QLabel(videoLinkDialog)
        self.videoLinkSummary.setObjectName(u"videoLinkSummary")
        self.videoLinkSummary.setWordWrap(True)

        self.outer.addWidget(self.videoLinkSummary)

        self.videoLinkLabel = QLabel(videoLinkDialog)
        self.videoLinkLabel.setObjectName(u"videoLinkLabel")

        self.outer.addWidget(self.videoLinkLabel)

        self.videoLinkEdit = QLineEdit(videoLinkDialog)
        self.videoLinkEdit.setObjectName(u"videoLinkEdit")
        self.videoLinkEdit.setClearButtonEnabled(True)

        self.outer.addWidget(self.videoLinkEdit)

        self.videoLinkHelp = QLabel(videoLinkDialog)
        self.videoLinkHelp.setObjectName(u"videoLinkHelp")
        self.videoLinkHelp.setWordWrap(True)

        self.outer.addWidget(self.videoLinkHelp)

        self.makeDefaultCheck = QCheckBox(videoLinkDialog)
        self.makeDefaultCheck.setObjectName(u"makeDefaultCheck")

        self.outer.addWidget(self.makeDefaultCheck, 0, Qt.AlignmentFlag.AlignLeft)

        self.dialogError = QLabel(videoLinkDialog)
        self.dialogError.setObjectName(u"dialogError")
        self.dialogError.setWordWrap(True)
        self.dialogError.setProperty(u"error", True)

        self.outer.addWidget(self.dialogError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveLinkButton = QPushButton(videoLinkDialog)
        self.saveLinkButton.setObjectName(u"saveLinkButton")

        self.buttonRow.addWidget(self.saveLinkButton)

        self.cancelButton = QPushButton(videoLinkDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.videoLinkLabel.setBuddy(self.videoLinkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.videoLinkEdit, self.makeDefaultCheck)
        QWidget.setTabOrder(self.makeDefaultCheck, self.saveLinkButton)
        QWidget.setTabOrder(self.saveLinkButton, self.cancelButton)

        self.retranslateUi(videoLinkDialog)

        self.saveLinkButton.setDefault(True)


        QMetaObject.connectSlotsByName(videoLinkDialog)
    # setupUi

    def retranslateUi(self, videoLinkDialog):
        videoLinkDialog.setWindowTitle(QCoreApplication.translate("VideoLinkDialog", u"Video link", None))
        self.videoLinkSummary.setText("")
        self.videoLinkLabel.setText(QCoreApplication.translate("VideoLinkDialog", u"&Video link (https://\u2026):", None))
#if QT_CONFIG(accessibility)
        self.videoLinkEdit.setAccessibleName(QCoreApplication.translate("VideoLinkDialog", u"Video link", None))
#endif // QT_CONFIG(accessibility)
        self.videoLinkEdit.setPlaceholderText(QCoreApplication.translate("VideoLinkDialog", u"https://", None))
        self.videoLinkHelp.setText(QCoreApplication.translate("VideoLinkDialog", u"Only this client sees the link, on their dashboard and appointment list, with Join video from 10 minutes before the start. Leave it empty to remove it.", None))
        self.makeDefaultCheck.setText(QCoreApplication.translate("VideoLinkDialog", u"&Use this link for my new telehealth appointments too", None))
#if QT_CONFIG(accessibility)
        self.makeDefaultCheck.setAccessibleName(QCoreApplication.translate("VideoLinkDialog", u"Use this link for my new telehealth appointments too", None))
#endif // QT_CONFIG(accessibility)
        self.dialogError.setText("")
        self.saveLinkButton.setText(QCoreApplication.translate("VideoLinkDialog", u"&Save", None))
#if QT_CONFIG(accessibility)
        self.saveLinkButton.setAccessibleName(QCoreApplication.translate("VideoLinkDialog", u"Save video link", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("VideoLinkDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("VideoLinkDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

