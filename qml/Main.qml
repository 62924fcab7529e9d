import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
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

    // Every screen but the unlock screen, by name. They are compiled on first use: naming their
    // types here made the first frame wait until every screen had loaded (bench/app, cold start).
    readonly property var laterScreenFiles: ({
        setup: "screens/setup/SetupScreen.qml",
        home: "screens/home/HomeScreen.qml",
        call: "screens/calls/CallScreen.qml",
        editor: "screens/editor/DraftEditorScreen.qml",
        review: "screens/review/ReviewScreen.qml"
    })
    property var laterScreenComponents: ({})

    function laterScreen(name: string): Component {
        if (!root.laterScreenComponents[name]) {
            const component = Qt.createComponent(root.laterScreenFiles[name])
            if (component.status === Component.Error)
                console.error(component.errorString())
            root.laterScreenComponents[name] = component
        }
        return root.laterScreenComponents[name]
    }

    // Connects the signals of a screen made from laterScreen(name) to the navigation; returns it.
    function wireScreen(name: string, screen: var): var {
        switch (name) {
        case "home":
            screen.callChosen.connect(root.openCall)
            screen.draftChosen.connect(root.openDraft)
            break
        case "call":
            screen.draftRequested.connect(root.startDraft)
            break
        case "editor":
            screen.reviewRequested.connect(draftId => root.pushScreen("review", {draftId: draftId}))
            break
        case "review":
            screen.editRequested.connect(root.goBack)
            screen.sent.connect(root.showOutbox)
            break
        }
        return screen
    }

    function pushScreen(name: string, properties: var): var {
        return root.wireScreen(name, screens.push(root.laterScreen(name), properties))
    }

    // Makes the screen `name` the only one on the stack, without a transition.
    function resetTo(name: string): var {
        if (name === "unlock")
            return screens.replace(null, unlockScreen, {}, StackView.Immediate)
        return root.wireScreen(name, screens.replace(null, root.laterScreen(name), {},
                                                     StackView.Immediate))
    }

    // The home screen reads the drafts and the outbox again whenever it comes back on top.
    function refreshIfHome(screen: var) {
        if (screen && screen.objectName === "homeScreen")
            screen.refresh()
    }

    function rootScreenFor(state: int): string {
        switch (state) {
        case Session.Setup:
            return "setup"
        case Session.Locked:
            return "unlock"
        }
        return "home"
    }

    function showRootScreen() {
        root.resetTo(root.rootScreenFor(Session.state))
    }

    function openCall(callId: string) {
        root.pushScreen("call", {callId: callId})
    }

    function goBack() {
        screens.pop()
    }

    // The first screen on the stack, untyped (home's type is compiled on first use).
    function bottomScreen(): var {
        return screens.get(0)
    }

    // After sending: back to the home screen, on the outbox.
    function showOutbox() {
        // pop() returns the screen it took off, not the one left on top.
        screens.pop(null)
        const home = root.bottomScreen()
        home.showTab("outboxTab")
        home.refresh()
    }

    function openDraft(draftId: int) {
        root.pushScreen("editor", {draftId: draftId})
    }

    // Starts a draft of the call in the UI language and opens it in the editor.
    function startDraft(callId: string) {
        const draftId = draftStarter.createDraft(callId, UiLanguage.code)
        if (draftId >= 0)
            root.wireScreen("editor", screens.replace(screens.currentItem, root.laterScreen("editor"),
                                                      {draftId: draftId}))
    }

    // Opens a screen by name, for `amicus --screenshot FILE --screen NAME`; false if unknown.
    // The editor and review screens show draft `draftId` (false without one); for "export" the
    // caller then opens the review screen's export dialog.
    function showScreen(name: string, draftId: int): bool {
        switch (name) {
        case "first":
            return true
        case "setup":
        case "unlock":
            root.resetTo(name)
            return true
        case "calls":
            root.resetTo("home")
            return true
        case "drafts":
        case "outbox":
        case "settings":
            root.resetTo("home").showTab(name + "Tab")
            return true
        case "call":
            root.resetTo("home")
            root.wireScreen("call", screens.push(root.laterScreen("call"),
                                                 {callId: firstCallSource.callIdAt(0)},
                                                 StackView.Immediate))
            return true
        case "editor":
        case "review":
        case "export": {
            if (!(draftId > 0))
                return false
            root.resetTo("home")
            const screen = name === "editor" ? "editor" : "review"
            root.wireScreen(screen, screens.push(root.laterScreen(screen), {draftId: draftId},
                                                 StackView.Immediate))
            return true
        }
        }
        return false
    }

    CallsListModel {
        id: firstCallSource
    }

    DraftEditor {
        id: draftStarter
    }

    // Where the user was when the app locked: screen names and ids only, never text. Unlocking
    // brings them back there (the draft they were typing in is read again from the vault); the
    // screens themselves go at lock, so no decrypted text stays on screen or in them.
    property var routeAtLock: []

    function currentRoute(): var {
        const route = []
        for (let i = 0; i < screens.depth; ++i) {
            const screen = screens.get(i, StackView.DontLoad)
            switch (screen ? screen.objectName : "") {
            case "homeScreen":
                route.push({name: "home", tab: screen.currentTabName()})
                break
            case "callScreen":
                route.push({name: "call", properties: {callId: screen.callId}})
                break
            case "draftEditorScreen":
                route.push({name: "editor", properties: {draftId: screen.draftId}})
                break
            case "reviewScreen":
                route.push({name: "review", properties: {draftId: screen.draftId}})
                break
            }
        }
        return route
    }

    // Rebuilds a route from currentRoute() over the home screen, without transitions.
    function restoreRoute(route: var) {
        for (const step of route) {
            if (step.name === "home")
                root.bottomScreen().showTab(step.tab)
            else
                root.wireScreen(step.name, screens.push(root.laterScreen(step.name), step.properties,
                                                        StackView.Immediate))
        }
    }

    Connections {
        target: Session

        function onStateChanged() {
            let route = []
            if (Session.state === Session.Locked) {
                root.routeAtLock = root.currentRoute()
            } else {
                if (Session.state === Session.Unlocked)
                    route = root.routeAtLock
                root.routeAtLock = []
            }
            root.showRootScreen()
            root.restoreRoute(route)
        }
    }

    header: ToolBar {
        objectName: "appHeader"
        // No drop shadow: its shader effect hides the bar under the software renderer.
        Material.elevation: 0

        // Anchors rather than a RowLayout: the first frame (the unlock screen) then loads no
        // layout engine (bench/app, cold start).
        ToolButton {
            id: backButton

            objectName: "backButton"
            visible: screens.depth > 1
            // No text while hidden, so that its large font is not loaded before it is needed.
            text: visible ? "‹" : ""
            font.pixelSize: 28
            Material.foreground: "white"
            Accessible.name: qsTr("Back")
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            onClicked: screens.pop()
        }

        Label {
            id: headerTitle

            // Long French and Spanish titles shrink a little before they are cut. The text's
            // width grows with its size, so the width it would take at 20 px is known at either
            // size; set from handlers rather than a binding on implicitWidth, which would loop.
            function fit() {
                if (headerTitle.width <= 0)
                    return
                const widthAt20 = headerTitle.implicitWidth * 20 / headerTitle.font.pixelSize
                const size = widthAt20 > headerTitle.width ? 16 : 20
                if (headerTitle.font.pixelSize !== size)
                    headerTitle.font.pixelSize = size
            }

            objectName: "headerTitle"
            text: screens.currentScreen && screens.currentScreen.title.length > 0
                  ? screens.currentScreen.title : qsTr("Amicus")
            font.pixelSize: 20
            font.weight: Font.Medium
            color: "white"
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
            anchors.left: backButton.visible ? backButton.right : parent.left
            anchors.leftMargin: backButton.visible ? 0 : 16
            anchors.right: headerActions.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            onTextChanged: headerTitle.fit()
            onWidthChanged: headerTitle.fit()
        }

        Row {
            id: headerActions

            anchors.right: parent.right
            anchors.rightMargin: 8
            anchors.verticalCenter: parent.verticalCenter

            ToolButton {
                objectName: "lockButton"
                visible: Session.state === Session.Unlocked
                Accessible.name: qsTr("Lock")
                onClicked: Session.lock()

                // A padlock drawn with two rectangles: narrower than the word in French or
                // Spanish, so the title keeps its room on a phone, and no image to load.
                contentItem: Item {
                    implicitWidth: 24
                    implicitHeight: 24

                    Rectangle {
                        x: 7
                        y: 2
                        width: 10
                        height: 13
                        radius: 5
                        color: "transparent"
                        border.color: "white"
                        border.width: 2
                    }

                    Rectangle {
                        x: 4
                        y: 10
                        width: 16
                        height: 12
                        radius: 2
                        color: "white"
                    }
                }
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
        onCurrentItemChanged: root.refreshIfHome(screens.currentItem)
    }

    // Android's back key: one screen back; on the first screen the OS does as usual. Not while
    // a popup is open: the popup closes on it.
    Shortcut {
        objectName: "backShortcut"
        sequences: ["Back"]
        enabled: screens.depth > 1 && root.Overlay.overlay.children.length === 0
        onActivated: root.goBack()
    }

    Component {
        id: unlockScreen

        UnlockScreen {}
    }
}
