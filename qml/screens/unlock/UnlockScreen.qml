import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Amicus

// Asks for the passphrase on every start and after auto-lock.
Page {
    id: root

    objectName: "unlockScreen"
    title: qsTr("Unlock")

    // A Column rather than a ColumnLayout: the first frame then loads no layout engine
    // (bench/app, cold start).
    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 24
        spacing: 16

        Label {
            text: qsTr("Your drafts are encrypted on this device. Enter your passphrase to open them.")
            font.pixelSize: 16
            wrapMode: Text.WordWrap
            width: parent.width
        }

        TextField {
            id: passphrase

            objectName: "unlockPassphrase"
            // A finger's height: Material's field is 43 px high.
            implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
            placeholderText: qsTr("Passphrase")
            echoMode: TextInput.Password
            enabled: !Session.busy
            // The password echo mode already tells the keyboard: sensitive, no prediction, no
            // capitals (QQuickTextInput adds those hints itself).
            Accessible.name: qsTr("Passphrase")
            width: parent.width
            onAccepted: unlockButton.clicked()
        }

        ProblemText {
            objectName: "unlockProblem"
            problem: Session.problem
            width: parent.width
        }

        PrimaryButton {
            id: unlockButton

            objectName: "unlockButton"
            text: Session.busy ? qsTr("Unlocking…") : qsTr("Unlock")
            enabled: !Session.busy && passphrase.text.length > 0
            Accessible.name: qsTr("Unlock")
            width: parent.width
            onClicked: {
                Session.unlock(passphrase.text)
                passphrase.clear()
            }
        }

        BusyIndicator {
            running: Session.busy
            visible: Session.busy
            anchors.horizontalCenter: parent.horizontalCenter
        }
    }
}
