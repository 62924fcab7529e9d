import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Settings on a real vault: the sending policy is kept, the passphrase changes, and erasing
// everything brings back the first-run set-up with nothing left to unlock.
TestCase {
    id: root

    name: "Settings"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: editorComponent

        DraftEditor {}
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("first passphrase words", "first passphrase words")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function test_sending_policy_is_kept() {
        AppSettings.sendingPolicy = AppSettings.Manual
        compare(AppSettings.sendingPolicy, AppSettings.Manual)
        AppSettings.sendingPolicy = AppSettings.UnmeteredOnly
        compare(AppSettings.sendingPolicy, AppSettings.UnmeteredOnly)
        AppSettings.sendingPolicy = AppSettings.AnyNetwork
    }

    function test_passphrase_change_needs_the_current_one() {
        AppSettings.changePassphrase("first passphrase words", "short", "short")
        compare(AppSettings.problem, Problem.PassphraseTooShort)
        AppSettings.changePassphrase("not the right one at all", "second passphrase words", "second passphrase words")
        tryCompare(AppSettings, "busy", false, 10000)
        compare(AppSettings.problem, Problem.WrongPassphrase)
        wait(1200) // the vault slows down the attempt after a wrong one
        AppSettings.changePassphrase("first passphrase words", "second passphrase words", "second passphrase words")
        tryCompare(AppSettings, "busy", false, 10000)
        compare(AppSettings.problem, Problem.None)

        Session.lock()
        Session.unlock("first passphrase words")
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.WrongPassphrase)
        wait(1200)
        Session.unlock("second passphrase words")
        tryCompare(Session, "busy", false, 10000)
        compare(Session.state, Session.Unlocked)
    }

    function test_erase_everything_leaves_nothing_to_unlock() {
        const editor = createTemporaryObject(editorComponent, root)
        verify(editor.createDraft("hrc54-emler-reimagining-policing", "en") >= 0)
        editor.organization = "Erased Org"
        AppSettings.eraseEverything()
        compare(AppSettings.problem, Problem.None)
        compare(Session.state, Session.Setup)
        compare(TestSupport.filesContaining("vault"), [])
        // A new vault in the same place starts empty.
        Session.create("another passphrase here", "another passphrase here")
        tryCompare(Session, "state", Session.Unlocked, 10000)
        const drafts = createTemporaryObject(draftsComponent, root)
        compare(drafts.count, 0)
    }

    Component {
        id: draftsComponent

        DraftsListModel {}
    }
}
