# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'personcard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PersonCard(object):
    def setupUi(self, personCard):
        if not personCard.objectName():
            personCard.setObjectName(u"personCard")
        personCard.setProperty(u"card", True)
        self.outer = QVBoxLayout(personCard)
        self.outer.setObjectName(u"outer")
        self.personFormTitle = QLabel(personCard)
        self.personFormTitle.setObjectName(u"personFormTitle")

        self.outer.addWidget(self.personFormTitle)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.roleLabel = QLabel(personCard)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(personCard)
        self.roleCombo.setObjectName(u"roleCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.nameLabel = QLabel(personCard)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(personCard)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.usernameLabel = QLabel(personCard)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(personCard)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.firstPasswordLabel = QLabel(personCard)
        self.firstPasswordLabel.setObjectName(u"firstPasswordLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.firstPasswordLabel)

        self.firstPasswordEdit = QLineEdit(personCard)
        self.firstPasswordEdit.setObjectName(u"firstPasswordEdit")
        self.firstPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.firstPasswordEdit)

        self.emailLabel = QLabel(personCard)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(personCard)
        self.emailEdit.setObjectName(u"emailEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(personCard)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(personCard)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.zoneLabel = QLabel(personCard)
        self.zoneLabel.setObjectName(u"zoneLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.zoneLabel)

        self.zoneEdit = QLineEdit(personCard)
        self.zoneEdit.setObjectName(u"zoneEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.zoneEdit)

        self.providerLabel = QLabel(personCard)
        self.providerLabel.setObjectName(u"providerLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.providerLabel)

        self.providerCombo = QComboBox(personCard)
        self.providerCombo.setObjectName(u"providerCombo")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.providerCombo)


        self.outer.addLayout(self.form)

        self.peopleError = QLabel(personCard)
        self.peopleError.setObjectName(u"peopleError")
        self.peopleError.setWordWrap(True)
        self.peopleError.setProperty(u"error", True)

        self.outer.addWidget(self.peopleError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.addPersonButton = QPushButton(personCard)
        self.addPersonButton.setObjectName(u"addPersonButton")
        self.addPersonButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.addPersonButton)

        self.savePersonButton = QPushButton(personCard)
        self.savePersonButton.setObjectName(u"savePersonButton")

        self.buttonRow.addWidget(self.savePersonButton)

        self.clearPersonButton = QPushButton(personCard)
        self.clearPersonButton.setObjectName(u"clearPersonButton")

        self.buttonRow.addWidget(self.clearPersonButton)

        self.toggleActiveButton = QPushButton(personCard)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.buttonRow.addWidget(self.toggleActiveButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)


        self.outer.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.roleCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.firstPasswordLabel.setBuddy(self.firstPasswordEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.zoneLabel.setBuddy(self.zoneEdit)
        self.providerLabel.setBuddy(self.providerCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.roleCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.firstPasswordEdit)
        QWidget.setTabOrder(self.firstPasswordEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.zoneEdit)
        QWidget.setTabOrder(self.zoneEdit, self.providerCombo)
        QWidget.setTabOrder(self.providerCombo, self.addPersonButton)
        QWidget.setTabOrder(self.addPersonButton, self.savePersonButton)
        QWidget.setTabOrder(self.savePersonButton, self.clearPersonButton)
        QWidget.setTabOrder(self.clearPersonButton, self.toggleActiveButton)

        self.retranslateUi(personCard)

        QMetaObject.connectSlotsByName(personCard)
    # setupUi

    def retranslateUi(self, personCard):
        self.personFormTitle.setText(QCoreApplication.translate("PersonCard", u"<b>Add a person</b>", None))
        self.roleLabel.setText(QCoreApplication.translate("PersonCard", u"&Role:", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("PersonCard", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("PersonCard", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("PersonCard", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameLabel.setText(QCoreApplication.translate("PersonCard", u"&User name:", None))
#if QT_CONFIG(accessibility)
        self.usernameEdit.setAccessibleName(QCoreApplication.translate("PersonCard", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.firstPasswordLabel.setText(QCoreApplication.translate("PersonCard", u"&First password:", None))
#if QT_CONFIG(accessibility)
        self.firstPasswordEdit.setAccessibleName(QCoreApplication.translate("PersonCard", u"First password", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("PersonCard", u"&E-mail:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("PersonCard", u"E-mail", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("PersonCard", u"Ph&one:", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("PersonCard", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.zoneLabel.setText(QCoreApplication.translate("PersonCard", u"&Time zone:", None))
#if QT_CONFIG(accessibility)
        self.zoneEdit.setAccessibleName(QCoreApplication.translate("PersonCard", u"Time zone", None))
#endif // QT_CONFIG(accessibility)
        self.providerLabel.setText(QCoreApplication.translate("PersonCard", u"Their &provider:", None))
#if QT_CONFIG(accessibility)
        self.providerCombo.setAccessibleName(QCoreApplication.translate("PersonCard", u"Their provider", None))
#endif // QT_CONFIG(accessibility)
        self.peopleError.setText("")
        self.addPersonButton.setText(QCoreApplication.translate("PersonCard", u"A&dd person", None))
#if QT_CONFIG(accessibility)
        self.addPersonButton.setAccessibleName(QCoreApplication.translate("PersonCard", u"Add person", None))
#endif // QT_CONFIG(accessibility)
        self.savePersonButton.setText(QCoreApplication.translate("PersonCard", u"&Save changes", None))
#if QT_CONFIG(accessibility)
        self.savePersonButton.setAccessibleName(QCoreApplication.translate("PersonCard", u"Save changes", None))
#endif // QT_CONFIG(accessibility)
        self.clearPersonButton.setText(QCoreApplication.translate("PersonCard", u"C&lear form", None))
#if QT_CONFIG(accessibility)
        self.clearPersonButton.setAccessibleName(QCoreApplication.translate("PersonCard", u"Clear form", None))
#endif // QT_CONFIG(accessibility)
        self.toggleActiveButton.setText(QCoreApplication.translate("PersonCard", u"Dea&ctivate", None))
#if QT_CONFIG(accessibility)
        self.toggleActiveButton.setAccessibleName(QCoreApplication.translate("PersonCard", u"Deactivate", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

