import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// The app's window: a header (back, the current screen's title, the language) over a stack
// of screens.
ApplicationWindow {
    id: root

    width: 412
    height: 780
    visible: true
    title: qsTr("Amicus")

    Material.theme: Material.Light
    Material.primary: Material.Indigo
    Material.accent: Material.Teal

    function openCall(callId: string) {
        screens.push(callScreen, {callId: callId})
    }

    // Opens a screen by name, for `amicus --screenshot FILE --screen NAME`; false if unknown.
    function showScreen(name: string): bool {
        switch (name) {
        case "welcome":
            return true
        case "calls":
            screens.push(callsScreen, {}, StackView.Immediate)
            return true
        case "call":
            screens.push(callsScreen, {}, StackView.Immediate)
            screens.push(callScreen, {callId: firstCallSource.callIdAt(0)}, StackView.Immediate)
            return true
        }
        return false
    }

    CallsListModel {
        id: firstCallSource
    }

    header: ToolBar {
        objectName: "appHeader"
        // No drop shadow: its shader effect hides the bar under the software renderer.
        Material.elevation: 0

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: screens.depth > 1 ? 0 : 16
            anchors.rightMargin: 8
            spacing: 0

            ToolButton {
                objectName: "backButton"
                visible: screens.depth > 1
                text: "‹"
                font.pixelSize: 28
                Material.foreground: "white"
                Accessible.name: qsTr("Back")
                onClicked: screens.pop()
            }

            Label {
                objectName: "headerTitle"
                text: screens.currentScreen && screens.currentScreen.title.length > 0
                      ? screens.currentScreen.title : qsTr("Amicus")
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

        readonly property Page currentScreen: screens.currentItem as Page

        objectName: "screens"
        anchors.fill: parent
        initialItem: WelcomeScreen {
            onCallsRequested: screens.push(callsScreen)
        }
    }

    Component {
        id: callsScreen

        CallsScreen {
            onCallChosen: callId => root.openCall(callId)
        }
    }

    Component {
        id: callScreen

        CallScreen {}
    }
}
