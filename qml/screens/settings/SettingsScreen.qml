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

    objectName: "settingsScreen"
    title: qsTr("Settings")

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
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: AppSettings.sendingPolicy = AppSettings.AnyNetwork
            }

            WrappingRadioButton {
                objectName: "policyUnmeteredOnly"
                text: qsTr("Only on Wi-Fi or other unmetered networks")
                checked: AppSettings.sendingPolicy === AppSettings.UnmeteredOnly
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: AppSettings.sendingPolicy = AppSettings.UnmeteredOnly
            }

            WrappingRadioButton {
                objectName: "policyManual"
                text: qsTr("Only when I press “Send now”")
                checked: AppSettings.sendingPolicy === AppSettings.Manual
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
                objectName: "aboutVersion"
                text: qsTr("Amicus %1. Submissions are encrypted with age (X25519, ChaCha20-Poly1305) to the secretariat's keys and sent with tus.").arg(AppSettings.appVersion)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Repeater {
                objectName: "aboutComponents"
                model: AppSettings.components

                delegate: Label {
                    required property var modelData

                    text: modelData.name + " " + modelData.version + " — " + modelData.licence
                    font.pixelSize: 12
                    opacity: 0.7
                    elide: Text.ElideRight
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

        objectName: "changePassphraseDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Change passphrase")
        standardButtons: Dialog.Cancel
        onOpened: {
            currentField.clear()
            nextField.clear()
            confirmField.clear()
        }

        Connections {
            target: AppSettings

            function onPassphraseChanged() {
                passphraseDialog.close()
            }
        }

        ColumnLayout {
            width: parent.width
            spacing: 8

            TextField {
                id: currentField

                objectName: "currentPassphrase"
                placeholderText: qsTr("Current passphrase")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Current passphrase")
                Layout.fillWidth: true
            }

            TextField {
                id: nextField

                objectName: "newPassphrase"
                placeholderText: qsTr("New passphrase")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("New passphrase")
                Layout.fillWidth: true
            }

            TextField {
                id: confirmField

                objectName: "confirmPassphrase"
                placeholderText: qsTr("New passphrase again")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("New passphrase again")
                Layout.fillWidth: true
            }

            ProblemText {
                objectName: "passphraseProblem"
                problem: AppSettings.problem
            }

            PrimaryButton {
                objectName: "confirmChangePassphrase"
                text: AppSettings.busy ? qsTr("Changing…") : qsTr("Change passphrase")
                enabled: !AppSettings.busy
                Accessible.name: qsTr("Change passphrase")
                Layout.fillWidth: true
                onClicked: AppSettings.changePassphrase(currentField.text, nextField.text, confirmField.text)
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
        standardButtons: Dialog.Cancel | Dialog.Discard
        onDiscarded: {
            eraseDialog.close()
            AppSettings.eraseEverything()
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
    }
}
