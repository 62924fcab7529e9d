import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// The app's window: a header (back, the current screen's title, lock, the language) over a
// stack of screens whose root follows the vault: set-up, unlock, or the calls.
ApplicationWindow {
    id: root

    width: 412
    height: 780
    visible: true
    title: qsTr("Amicus")

    Material.theme: Material.Light
    Material.primary: Material.Indigo
    Material.accent: Material.Teal

    function rootScreenFor(state: int): Component {
        switch (state) {
        case Session.Setup:
            return setupScreen
        case Session.Locked:
            return unlockScreen
        }
        return homeScreen
    }

    function showRootScreen() {
        screens.replace(null, root.rootScreenFor(Session.state), {}, StackView.Immediate)
    }

    function openCall(callId: string) {
        screens.push(callScreen, {callId: callId})
    }

    function goBack() {
        screens.pop()
    }

    // After sending: back to the home screen, on the outbox.
    function showOutbox() {
        const home = screens.pop(null) as HomeScreen
        home.showTab("outboxTab")
        home.refresh()
    }

    function openDraft(draftId: int) {
        screens.push(editorScreen, {draftId: draftId})
    }

    // Starts a draft of the call in the UI language and opens it in the editor.
    function startDraft(callId: string) {
        const draftId = draftStarter.createDraft(callId, UiLanguage.code)
        if (draftId >= 0)
            screens.replace(screens.currentItem, editorScreen, {draftId: draftId})
    }

    // Opens a screen by name, for `amicus --screenshot FILE --screen NAME`; false if unknown.
    function showScreen(name: string): bool {
        switch (name) {
        case "first":
            return true
        case "setup":
            screens.replace(null, setupScreen, {}, StackView.Immediate)
            return true
        case "unlock":
            screens.replace(null, unlockScreen, {}, StackView.Immediate)
            return true
        case "calls":
            screens.replace(null, homeScreen, {}, StackView.Immediate)
            return true
        case "drafts":
        case "outbox":
        case "settings":
            const home = screens.replace(null, homeScreen, {}, StackView.Immediate) as HomeScreen
            home.showTab(name + "Tab")
            return true
        case "call":
            screens.replace(null, homeScreen, {}, StackView.Immediate)
            screens.push(callScreen, {callId: firstCallSource.callIdAt(0)}, StackView.Immediate)
            return true
        }
        return false
    }

    CallsListModel {
        id: firstCallSource
    }

    DraftEditor {
        id: draftStarter
    }

    Connections {
        target: Session

        function onStateChanged() {
            root.showRootScreen()
        }
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

            ToolButton {
                objectName: "lockButton"
                visible: Session.state === Session.Unlocked
                text: qsTr("Lock")
                Material.foreground: "white"
                Accessible.name: qsTr("Lock")
                onClicked: Session.lock()
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
        Component.onCompleted: root.showRootScreen()
    }

    Component {
        id: setupScreen

        SetupScreen {}
    }

    Component {
        id: unlockScreen

        UnlockScreen {}
    }

    Component {
        id: homeScreen

        HomeScreen {
            onCallChosen: callId => root.openCall(callId)
            onDraftChosen: draftId => root.openDraft(draftId)
            StackView.onActivated: refresh()
        }
    }

    Component {
        id: callScreen

        CallScreen {
            onDraftRequested: callId => root.startDraft(callId)
        }
    }

    Component {
        id: editorScreen

        DraftEditorScreen {
            onReviewRequested: draftId => screens.push(reviewScreen, {draftId: draftId})
        }
    }

    Component {
        id: reviewScreen

        ReviewScreen {
            onEditRequested: () => root.goBack()
            onSent: () => root.showOutbox()
        }
    }
}
