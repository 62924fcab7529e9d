import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The confirmation dialogs build and open without a single Qt warning (a wrapped message in a
// Dialog used to log "Binding loop detected for property implicitHeight"), on a phone-wide
// screen whose width is known at creation and on one sized afterwards, as a StackView does.
TestCase {
    id: root

    name: "Dialogs"
    width: 360
    height: 640
    visible: true
    when: windowShown

    Component {
        id: draftsComponent

        DraftsScreen {}
    }

    Component {
        id: settingsComponent

        SettingsScreen {}
    }

    Component {
        id: reviewComponent

        ReviewScreen {}
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function test_dialogs_open_without_warnings_data() {
        const rows = []
        for (const sized of ["sizedAtCreation", "sizedLater"]) {
            rows.push({tag: "deleteDraft_" + sized, screen: draftsComponent, dialog: "confirmDeleteDraft", sized: sized})
            rows.push({tag: "erase_" + sized, screen: settingsComponent, dialog: "eraseDialog", sized: sized})
            rows.push({tag: "passphrase_" + sized, screen: settingsComponent, dialog: "changePassphraseDialog", sized: sized})
            rows.push({tag: "export_" + sized, screen: reviewComponent, dialog: "exportDialog", sized: sized})
        }
        return rows
    }

    function test_dialogs_open_without_warnings(data) {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft("hrc54-emler-reimagining-policing", "en")
        verify(draftId >= 0)
        // From here on, any warning at all fails the test: creating the screen (the dialog's
        // bindings run then), sizing it, opening and closing the dialog.
        failOnWarning(/.*/)
        const properties = data.screen === reviewComponent ? {draftId: draftId} : {}
        if (data.sized === "sizedAtCreation") {
            properties.width = root.width
            properties.height = root.height
        }
        const screen = createTemporaryObject(data.screen, root, properties)
        verify(screen)
        if (data.sized === "sizedLater") {
            screen.width = root.width
            screen.height = root.height
        }
        const dialog = findChild(screen, data.dialog)
        verify(dialog, data.dialog)
        if (data.dialog === "exportDialog")
            dialog.ask(draftId)
        else
            dialog.open()
        tryCompare(dialog, "opened", true)
        // Fits the phone: nothing wider than the window, the whole message readable.
        verify(dialog.width <= root.width, dialog.width + " > " + root.width)
        verify(dialog.height <= root.height, dialog.height + " > " + root.height)
        verify(dialog.contentHeight > 0)
        dialog.close()
        tryCompare(dialog, "visible", false)
    }
}
