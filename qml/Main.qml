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

    // The screens but the unlock screen, compiled on first use: naming their types here made
    // the first frame wait until every screen had loaded (bench/app, cold start).
    property var laterScreenComponents: ({})

    function screenComponent(screen: int): Component {
        if (screen === Navigator.Unlock)
            return unlockScreen
        if (!root.laterScreenComponents[screen]) {
            const component = Qt.createComponent(Navigator.fileOf(screen))
            if (component.status === Component.Error)
                console.error(component.errorString())
            root.laterScreenComponents[screen] = component
        }
        return root.laterScreenComponents[screen]
    }

    // Hands what a screen asks for (open a call, a draft, its review...) to the navigator.
    function wire(screen: int, item: var): var {
        switch (screen) {
        case Navigator.Home:
            item.callChosen.connect(callId => Navigator.openCall(callId))
            item.draftChosen.connect(draftId => Navigator.openDraft(draftId))
            break
        case Navigator.Call:
            item.draftRequested.connect(root.startDraft)
            break
        case Navigator.Editor:
            item.reviewRequested.connect(draftId => Navigator.openReview(draftId))
            break
        case Navigator.Review:
            item.editRequested.connect(() => Navigator.back())
            // After sending: back to the home screen, on the outbox.
            item.sent.connect(() => Navigator.home(Navigator.Outbox))
            break
        }
        return item
    }

    // The first screen on the stack, untyped (home's type is compiled on first use).
    function bottomScreen(): var {
        return screens.get(0)
    }

    // Starts a draft of the call in the UI language and opens it in the editor.
    function startDraft(callId: string) {
        const draftId = draftStarter.createDraft(callId, UiLanguage.code)
        if (draftId >= 0)
            Navigator.replaceWithDraft(draftId)
    }

    // Opens a screen by name, for `amicus --screenshot FILE --screen NAME`; false if unknown.
    // The editor and review screens show draft `draftId` (false without one); for "export" the
    // caller then opens the review screen's export dialog.
    function showScreen(name: string, draftId: int): bool {
        return Navigator.showNamed(name, draftId, firstCallSource.callIdAt(0))
    }

    CallsListModel {
        id: firstCallSource
    }

    DraftEditor {
        id: draftStarter
    }

    // The stack does what the navigator asks; every move goes through the navigator.
    Connections {
        target: Navigator

        function onResetRequested(screen: int) {
            root.wire(screen, screens.replace(null, root.screenComponent(screen), {},
                                              StackView.Immediate))
        }

        function onPushRequested(screen: int, properties: var, immediate: bool) {
            const item = immediate
                    ? screens.push(root.screenComponent(screen), properties, StackView.Immediate)
                    : screens.push(root.screenComponent(screen), properties)
            root.wire(screen, item)
        }

        function onReplaceTopRequested(screen: int, properties: var) {
            root.wire(screen, screens.replace(screens.currentItem, root.screenComponent(screen),
                                              properties))
        }

        function onPopRequested(count: int) {
            if (count >= screens.depth - 1) {
                screens.pop(null)
                return
            }
            for (let i = 0; i < count; ++i)
                screens.pop()
        }

        function onTabRequested(tab: int) {
            root.bottomScreen().showTab(tab)
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
            onClicked: Navigator.back()
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
                // The padlock's word, on a long press or a hover: "Lock" in the user's language.
                ToolTip.visible: hovered || pressed
                ToolTip.delay: 300
                ToolTip.text: qsTr("Lock")
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
        Component.onCompleted: Navigator.showRoot()
    }

    // The open popup (dialog, menu, a choice's list) under `object`, found through the
    // objects QML declared there (a popup is not a visual child), else null.
    function openPopupIn(object: var): var {
        if (!object)
            return null
        if (object.popup && object.popup.opened === true)
            return object.popup
        const declared = object.data || object.contentData || []
        for (let i = declared.length - 1; i >= 0; --i) {
            const inner = declared[i]
            if (inner.opened === true && typeof inner.close === "function")
                return inner
            const nested = root.openPopupIn(inner)
            if (nested)
                return nested
        }
        return null
    }

    // The system back action: an open dialog closes first, then one screen back; on the first
    // screen the app leaves, with what is typed saved first (onClosing). Escape does the same
    // but never leaves: on a desktop it is not a way out of the app.
    function goBack(mayLeave: bool) {
        const popup = root.openPopupIn(screens.currentItem) || root.openPopupIn(root.header)
        if (popup)
            popup.close()
        else if (screens.depth > 1)
            Navigator.back()
        else if (mayLeave)
            root.close()
    }

    onClosing: AppPresence.leaving()

    // Application-wide: a modal dialog would otherwise keep the window's shortcuts from the key
    // (a dialog handles Escape itself, but not a desktop's Back key).
    Shortcut {
        objectName: "backShortcut"
        sequences: ["Back"]
        context: Qt.ApplicationShortcut
        onActivated: root.goBack(true)
    }

    Shortcut {
        objectName: "escapeShortcut"
        sequences: ["Esc"]
        context: Qt.ApplicationShortcut
        onActivated: root.goBack(false)
    }

    Component {
        id: unlockScreen

        UnlockScreen {}
    }
}
