import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// Language, when to send, auto-lock, the passphrase, erasing everything, and about.
Page {
    id: root

    // A radio button whose text wraps: the long French and Spanish sending choices are not cut
    // (and no longer widen the whole column past the screen).
    component WrappingRadioButton: RadioButton {
        id: radio

        Layout.fillWidth: true
        Layout.rightMargin: 16

        contentItem: Label {
            leftPadding: radio.indicator.width + radio.spacing
            text: radio.text
            font: radio.font
            color: radio.enabled ? radio.Material.foreground : radio.Material.hintTextColor
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignVCenter
        }
    }

    // A row of the dialog's own buttons, in our words and in the UI language (Qt's standard
    // buttons are neither), the main action on the right; they go one under the other when
    // their French or Spanish texts do not fit side by side.
    component DialogButtons: Item {
        default property alias buttons: row.data

        implicitHeight: row.implicitHeight + 16

        Flow {
            id: row

            anchors.fill: parent
            anchors.margins: 8
            spacing: 8
            layoutDirection: Qt.RightToLeft
        }
    }

    // A dialog's title that wraps (Material's own is cut: "Cambiar la frase de contrase…" on a
    // phone). In a layout, so its height settles at polish time, without a binding loop.
    component DialogTitle: ColumnLayout {
        property alias text: titleLabel.text

        Label {
            id: titleLabel

            font.bold: true
            font.pixelSize: 16
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Layout.topMargin: 24
        }
    }

    objectName: "settingsScreen"
    title: qsTr("Settings")

    // One group each: radio buttons that share a parent are otherwise exclusive all together,
    // and ticking a sending policy would untick the language.
    ButtonGroup {
        id: languageGroup
    }

    ButtonGroup {
        id: policyGroup
    }

    ScrollView {
        id: scroller

        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 4

            SectionHeading {
                text: qsTr("Language")
            }

            Repeater {
                model: UiLanguage.available

                delegate: RadioButton {
                    required property var modelData

                    objectName: "settingsLanguage_" + modelData.code
                    text: modelData.name
                    checked: UiLanguage.code === modelData.code
                    // Qt 6.4's qmllint cannot see outer ids from a delegate.
                    ButtonGroup.group: languageGroup // qmllint disable unqualified
                    Accessible.name: modelData.name
                    Layout.leftMargin: 8
                    onClicked: UiLanguage.code = modelData.code
                }
            }

            SectionHeading {
                text: qsTr("Sending")
            }

            WrappingRadioButton {
                objectName: "policyAnyNetwork"
                text: qsTr("On any network")
                checked: AppSettings.sendingPolicy === AppSettings.AnyNetwork
                ButtonGroup.group: policyGroup
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: AppSettings.sendingPolicy = AppSettings.AnyNetwork
            }

            WrappingRadioButton {
                objectName: "policyUnmeteredOnly"
                text: qsTr("Only on Wi-Fi or other unmetered networks")
                checked: AppSettings.sendingPolicy === AppSettings.UnmeteredOnly
                ButtonGroup.group: policyGroup
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: AppSettings.sendingPolicy = AppSettings.UnmeteredOnly
            }

            WrappingRadioButton {
                objectName: "policyManual"
                text: qsTr("Only when I press “Send now”")
                checked: AppSettings.sendingPolicy === AppSettings.Manual
                ButtonGroup.group: policyGroup
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: AppSettings.sendingPolicy = AppSettings.Manual
            }

            SectionHeading {
                text: qsTr("Security")
            }

            Label {
                text: qsTr("Lock Amicus after it has been in the background for")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            ComboBox {
                id: autoLock

                readonly property var minutes: [0, 1, 5, 15, 60]

                objectName: "autoLockField"
                model: [qsTr("No time: lock at once"), qsTr("%n minute(s)", "", 1), qsTr("%n minute(s)", "", 5),
                    qsTr("%n minute(s)", "", 15), qsTr("%n minute(s)", "", 60)]
                currentIndex: Math.max(0, autoLock.minutes.indexOf(AppSettings.autoLockMinutes))
                Accessible.name: qsTr("Auto-lock delay")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onActivated: index => AppSettings.autoLockMinutes = autoLock.minutes[index]
            }

            Button {
                objectName: "changePassphraseButton"
                text: qsTr("Change passphrase")
                Accessible.name: text
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onClicked: passphraseDialog.open()
            }

            Button {
                objectName: "eraseEverythingButton"
                text: qsTr("Erase everything on this device")
                Material.foreground: Material.color(Material.Red)
                Accessible.name: text
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onClicked: eraseDialog.open()
            }

            SectionHeading {
                text: qsTr("About")
            }

            Label {
                objectName: "aboutSummary"
                text: qsTr("Amicus %1 helps you answer a UN call for input, even offline. What you write is encrypted on this phone, and your submission is encrypted end to end to the secretariat: only the secretariat can read it, not the networks and servers it passes through.").arg(AppSettings.appVersion)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            // Amicus's own licence first; the libraries' follow in the technical details.
            Label {
                objectName: "aboutLicence"
                text: qsTr("Amicus is free software under the Apache License, version 2.0.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Button {
                id: aboutDetailsToggle

                property bool shown: false

                objectName: "aboutDetailsToggle"
                flat: true
                text: shown ? qsTr("Hide technical details") : qsTr("Technical details")
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: shown = !shown
            }

            Label {
                objectName: "aboutVersion"
                visible: aboutDetailsToggle.shown
                text: qsTr("Amicus %1. Submissions are encrypted with age (X25519, ChaCha20-Poly1305) to the secretariat's keys and sent with tus.").arg(AppSettings.appVersion)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Repeater {
                objectName: "aboutComponents"
                model: aboutDetailsToggle.shown ? AppSettings.components : []

                delegate: Label {
                    required property var modelData

                    text: modelData.name + " " + modelData.version + " — " + qsTranslate("AppSettings", modelData.licence)
                    font.pixelSize: 12
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }
            }

            Item {
                Layout.preferredHeight: 24
            }
        }
    }

    Dialog {
        id: passphraseDialog

        function submit() {
            AppSettings.changePassphrase(currentField.text, nextField.text, confirmField.text)
        }

        objectName: "changePassphraseDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Change passphrase")
        // No drop shadow: its shader effect hides the dialog under the software renderer.
        Material.elevation: 0
        header: DialogTitle {
            text: passphraseDialog.title
        }
        onOpened: {
            currentField.clear()
            nextField.clear()
            confirmField.clear()
            currentField.forceActiveFocus()
        }

        Connections {
            target: AppSettings

            function onPassphraseChanged() {
                passphraseDialog.close()
            }
        }

        // Each field named by a label above it, not a placeholder: a placeholder is cut at the
        // field's width ("Nouvelle phrase secrète (confirmation)" on a 360 px phone) and gone
        // once the user types. (A child, not `contentItem:`, which is deferred and would make
        // the fields' ids assign at once.)
        ColumnLayout {
            width: parent.width
            spacing: 4

            Label {
                text: qsTr("Current passphrase")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            TextField {
                id: currentField

                objectName: "currentPassphrase"
                // A finger's height: Material's field is 43 px high.
                implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                echoMode: TextInput.Password
                enabled: !AppSettings.busy
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Current passphrase")
                Layout.fillWidth: true
                Layout.bottomMargin: 8
                onAccepted: nextField.forceActiveFocus()
            }

            Label {
                text: qsTr("New passphrase")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            TextField {
                id: nextField

                objectName: "newPassphrase"
                // A finger's height: Material's field is 43 px high.
                implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                echoMode: TextInput.Password
                enabled: !AppSettings.busy
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("New passphrase")
                Layout.fillWidth: true
                Layout.bottomMargin: 8
                onAccepted: confirmField.forceActiveFocus()
            }

            Label {
                objectName: "confirmPassphraseLabel"
                text: qsTr("New passphrase again")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            TextField {
                id: confirmField

                objectName: "confirmPassphrase"
                // A finger's height: Material's field is 43 px high.
                implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                echoMode: TextInput.Password
                enabled: !AppSettings.busy
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("New passphrase again")
                Layout.fillWidth: true
                onAccepted: passphraseDialog.submit()
            }

            ProblemText {
                objectName: "passphraseProblem"
                problem: AppSettings.problem
                Layout.fillWidth: true
            }
        }

        footer: DialogButtons {
            Button {
                objectName: "confirmChangePassphrase"
                text: AppSettings.busy ? qsTr("Changing…") : qsTr("Change passphrase")
                enabled: !AppSettings.busy
                flat: true
                Accessible.name: qsTr("Change passphrase")
                onClicked: passphraseDialog.submit()
            }

            Button {
                objectName: "cancelChangePassphrase"
                text: qsTr("Cancel")
                enabled: !AppSettings.busy
                flat: true
                Accessible.name: text
                onClicked: passphraseDialog.close()
            }
        }
    }

    Dialog {
        id: eraseDialog

        objectName: "eraseDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Erase everything?")
        Material.elevation: 0
        header: DialogTitle {
            text: eraseDialog.title
        }

        // A layout, not a bare Label: see confirmDeleteDraft in DraftsScreen.qml (binding loop).
        contentItem: ColumnLayout {
            Label {
                objectName: "eraseDialogMessage"
                text: qsTr("The keys that protect your drafts are destroyed first, then every draft, file and submission waiting to be sent. Nobody can recover them afterwards. Submissions already delivered stay with the secretariat.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        footer: DialogButtons {
            Button {
                objectName: "confirmErase"
                text: qsTr("Erase everything")
                flat: true
                Material.foreground: Material.color(Material.Red)
                Accessible.name: qsTr("Erase everything on this device")
                onClicked: {
                    eraseDialog.close()
                    AppSettings.eraseEverything()
                }
            }

            Button {
                objectName: "cancelErase"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                onClicked: eraseDialog.close()
            }
        }
    }
}
