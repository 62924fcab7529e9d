import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The first screen: what Amicus is, in one line.
Page {
    id: root

    signal callsRequested

    objectName: "welcomeScreen"

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 32
        spacing: 16

        Label {
            objectName: "welcomeTitle"
            text: qsTr("Amicus")
            font.pixelSize: 40
            font.weight: Font.Light
            color: Material.primary
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
        }

        Label {
            objectName: "welcomeMessage"
            text: qsTr("Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.")
            font.pixelSize: 18
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Button {
            objectName: "showCallsButton"
            text: qsTr("See the calls for input")
            highlighted: true
            Accessible.name: text
            Layout.fillWidth: true
            Layout.topMargin: 16
            onClicked: root.callsRequested()
        }
    }
}
