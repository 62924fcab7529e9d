import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// Asks for the passphrase on every start and after auto-lock.
Page {
    id: root

    objectName: "unlockScreen"
    title: qsTr("Unlock")

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 24
        spacing: 16

        Label {
            text: qsTr("Your drafts are encrypted on this device. Enter your passphrase to open them.")
            font.pixelSize: 17
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        TextField {
            id: passphrase

            objectName: "unlockPassphrase"
            placeholderText: qsTr("Passphrase")
            echoMode: TextInput.Password
            enabled: !Session.busy
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Passphrase")
            Layout.fillWidth: true
            onAccepted: unlockButton.clicked()
        }

        ProblemText {
            objectName: "unlockProblem"
            problem: Session.problem
        }

        PrimaryButton {
            id: unlockButton

            objectName: "unlockButton"
            text: Session.busy ? qsTr("Unlocking…") : qsTr("Unlock")
            enabled: !Session.busy && passphrase.text.length > 0
            Accessible.name: qsTr("Unlock")
            Layout.fillWidth: true
            onClicked: {
                Session.unlock(passphrase.text)
                passphrase.clear()
            }
        }

        BusyIndicator {
            running: Session.busy
            visible: Session.busy
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
