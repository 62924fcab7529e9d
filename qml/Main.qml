import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// The app's window: a header with the language selector over a stack of screens.
ApplicationWindow {
    id: root

    width: 412
    height: 780
    visible: true
    title: qsTr("Amicus")

    Material.theme: Material.Light
    Material.primary: Material.Indigo
    Material.accent: Material.Teal

    header: ToolBar {
        objectName: "appHeader"
        // No drop shadow: its shader effect hides the bar under the software renderer.
        Material.elevation: 0

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            anchors.rightMargin: 8

            Label {
                text: qsTr("Amicus")
                font.pixelSize: 20
                font.weight: Font.Medium
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }

            LanguageSelector {
                objectName: "languageSelector"
            }
        }
    }

    StackView {
        id: screens

        objectName: "screens"
        anchors.fill: parent
        initialItem: WelcomeScreen {}
    }
}
