import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// First run: the language, what is encrypted and who can read a submission, then the
// passphrase that protects everything on this device.
Page {
    id: root

    // Creating the vault ends set-up: the language shown is remembered then, so the next start
    // is in the language the user accepted even if they never touched the choice.
    function create() {
        UiLanguage.remember()
        Session.create(passphrase.text, confirmation.text)
    }

    objectName: "setupScreen"
    title: qsTr("Welcome")

    StackLayout {
        id: steps

        objectName: "setupSteps"
        anchors.fill: parent
        currentIndex: 0

        // 1. The language.
        ScrollView {
            id: languageStep

            contentWidth: availableWidth

            ColumnLayout {
                width: languageStep.availableWidth
                spacing: 12

                Label {
                    text: qsTr("Amicus")
                    font.pixelSize: 36
                    font.weight: Font.Light
                    color: Material.primary
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                    Layout.topMargin: 32
                }

                Label {
                    text: qsTr("Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.")
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                    Layout.leftMargin: 24
                    Layout.rightMargin: 24
                }

                Label {
                    text: qsTr("Choose your language")
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                    Layout.leftMargin: 24
                    Layout.topMargin: 16
                }

                Repeater {
                    model: UiLanguage.available

                    delegate: RadioButton {
                        required property var modelData

                        objectName: "setupLanguage_" + modelData.code
                        text: modelData.name
                        checked: UiLanguage.code === modelData.code
                        Accessible.name: modelData.name
                        Layout.leftMargin: 16
                        onClicked: UiLanguage.code = modelData.code
                    }
                }

                PrimaryButton {
                    objectName: "setupLanguageNext"
                    text: qsTr("Continue")
                    Accessible.name: text
                    Layout.fillWidth: true
                    Layout.margins: 24
                    onClicked: steps.currentIndex = 1
                }
            }
        }

        // 2. What is protected, and from whom.
        ScrollView {
            id: privacyStep

            contentWidth: availableWidth

            ColumnLayout {
                width: privacyStep.availableWidth
                spacing: 12

                SectionHeading {
                    text: qsTr("Your data is protected")
                    Layout.topMargin: 24
                }

                Label {
                    text: qsTr("Everything you write and attach is encrypted on this phone with a passphrase that only you know. Someone who takes the phone cannot read it without the passphrase.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }

                Label {
                    text: qsTr("When you send a submission, it is encrypted so that only the secretariat of the call can open it: not the network, not the server that receives it.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }

                Label {
                    text: qsTr("You decide whether the secretariat may publish your submission, keep it confidential, or publish it without your name.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }

                PrimaryButton {
                    objectName: "setupPrivacyNext"
                    text: qsTr("Continue")
                    Accessible.name: text
                    Layout.fillWidth: true
                    Layout.margins: 24
                    onClicked: steps.currentIndex = 2
                }
            }
        }

        // 3. The passphrase.
        ScrollView {
            id: passphraseStep

            contentWidth: availableWidth

            ColumnLayout {
                width: passphraseStep.availableWidth
                spacing: 12

                SectionHeading {
                    text: qsTr("Create your passphrase")
                    Layout.topMargin: 24
                }

                Label {
                    text: qsTr("Use several words that you will remember and others cannot guess.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }

                TextField {
                    id: passphrase

                    objectName: "setupPassphrase"
                    // A finger's height: Material's field is 43 px high.
                    implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                    placeholderText: qsTr("Passphrase")
                    echoMode: TextInput.Password
                    enabled: !Session.busy
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Passphrase")
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    onAccepted: confirmation.forceActiveFocus()
                }

                Label {
                    readonly property int strength: Session.strength(passphrase.text)

                    objectName: "setupStrength"
                    text: [qsTr("Too short"), qsTr("Weak"), qsTr("Fair"), qsTr("Good"), qsTr("Strong")][strength]
                    color: strength >= Session.Good ? Material.color(Material.Green)
                                                    : strength >= Session.Fair ? Material.color(Material.Orange)
                                                                               : Material.color(Material.Red)
                    // Keeps its room while empty, so the field below does not jump down under
                    // the finger at the first character typed.
                    opacity: passphrase.text.length > 0 ? 1 : 0
                    Accessible.ignored: passphrase.text.length === 0
                    Layout.leftMargin: 16
                }

                TextField {
                    id: confirmation

                    objectName: "setupConfirmation"
                    // A finger's height: Material's field is 43 px high.
                    implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                    placeholderText: qsTr("Passphrase again")
                    echoMode: TextInput.Password
                    enabled: !Session.busy
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Passphrase again")
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    // Enter submits, as on the unlock screen (when the button could be pressed).
                    onAccepted: {
                        if (createButton.enabled)
                            root.create()
                    }
                }

                Label {
                    objectName: "setupWarning"
                    text: qsTr("If you forget this passphrase, nobody can recover your drafts: not us, not the secretariat.")
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }

                ProblemText {
                    objectName: "setupProblem"
                    Layout.fillWidth: true
                    problem: Session.problem
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }

                PrimaryButton {
                    id: createButton

                    objectName: "setupCreate"
                    text: Session.busy ? qsTr("Protecting your data…") : qsTr("Create and continue")
                    enabled: !Session.busy && passphrase.text.length > 0
                    Accessible.name: qsTr("Create and continue")
                    Layout.fillWidth: true
                    Layout.margins: 16
                    onClicked: root.create()
                }

                BusyIndicator {
                    running: Session.busy
                    visible: Session.busy
                    Layout.alignment: Qt.AlignHCenter
                }
            }
        }
    }
}
