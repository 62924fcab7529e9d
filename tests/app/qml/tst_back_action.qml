import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The system back action (Android's back key, Escape on a keyboard) in the app's window at
// 360×640: an open dialog closes first, then one screen back; on the home screen the back key
// leaves the app, saving first.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"

    name: "BackAction"
    when: windowShown

    Component {
        id: mainComponent

        Main {
            width: 360
            height: 640
        }
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    SignalSpy {
        id: saveRequests

        target: AppPresence
        signalName: "saveRequested"
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
        saveRequests.clear()
    }

    function openApp() {
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        const screens = findChild(window.contentItem, "screens")
        tryVerify(() => screens.currentItem && screens.currentItem.objectName === "homeScreen", 5000)
        return {window: window, screens: screens}
    }

    function test_back_and_escape_go_one_screen_back() {
        const app = openApp()
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "en")

        verify(app.window.showScreen("review", draftId))
        tryCompare(app.screens, "depth", 2)
        keyClick(Qt.Key_Back)
        tryCompare(app.screens, "depth", 1)
        compare(app.screens.currentItem.objectName, "homeScreen")

        verify(app.window.showScreen("editor", draftId))
        tryCompare(app.screens, "depth", 2)
        keyClick(Qt.Key_Escape)
        tryCompare(app.screens, "depth", 1)
        // Escape on the home screen goes nowhere: it is not a way out of a desktop app.
        keyClick(Qt.Key_Escape)
        wait(50)
        verify(app.window.visible, "Escape does not leave the app")
        compare(saveRequests.count, 0)
    }

    function test_back_closes_a_dialog_first_then_leaves_after_saving() {
        const app = openApp()
        verify(app.window.showScreen("settings"))
        waitForRendering(app.window.contentItem)
        const settings = findChild(app.window.contentItem, "settingsScreen")
        const dialog = findChild(settings, "eraseDialog")
        // Below the fold at 640 px: pressed the way a tap ends.
        findChild(settings, "eraseEverythingButton").clicked()
        tryCompare(dialog, "opened", true)

        keyClick(Qt.Key_Back)
        tryCompare(dialog, "visible", false)
        verify(app.window.visible, "the dialog closed, the app stayed")
        compare(app.screens.depth, 1)
        compare(saveRequests.count, 0)

        // On the home screen nothing is unsaved: every edit is saved as it is typed, and no
        // editor is open. The back key still asks for a save before the window goes, so that
        // a deferred save would finish first.
        keyClick(Qt.Key_Back)
        tryCompare(app.window, "visible", false)
        compare(saveRequests.count, 1)
        compare(Session.state, Session.Unlocked, "leaving is not erasing")
    }

    function test_back_closes_the_export_dialog_before_leaving_the_review() {
        const app = openApp()
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "en")
        verify(app.window.showScreen("review", draftId))
        tryCompare(app.screens, "depth", 2)
        const review = app.screens.currentItem
        tryCompare(review, "objectName", "reviewScreen")
        const exportButton = findChild(review, "exportButton")
        tryVerify(() => exportButton.enabled && exportButton.visible, 5000)
        waitForRendering(app.window.contentItem)
        mouseClick(exportButton)
        const dialog = findChild(review, "exportDialog")
        tryCompare(dialog, "opened", true)

        keyClick(Qt.Key_Back)
        tryCompare(dialog, "visible", false)
        compare(app.screens.depth, 2, "the dialog closed, the review stayed")
        keyClick(Qt.Key_Back)
        tryCompare(app.screens, "depth", 1)
        verify(app.window.visible)
    }
}
