import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Leaving the app (the OS reports it inactive, hidden or suspended) saves at once, asks the
// platform to keep personal text out of the task switcher's snapshot (a fake ScreenPrivacy
// here), and the auto-lock (one minute here, on a fake clock) counts from that moment. The
// states are given as QGuiApplication reports them, through AppPresence's one entry point.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"

    name: "AppState"
    width: 360
    height: 640
    visible: true
    when: windowShown

    Component {
        id: editorScreenComponent

        DraftEditorScreen {
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
        AppPresence.applicationStateChanged(Qt.ApplicationActive)
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
        saveRequests.clear()
    }

    function cleanup() {
        AppPresence.applicationStateChanged(Qt.ApplicationActive)
    }

    function lastPrivacyRequest() {
        const changes = TestSupport.screenPrivacyChanges()
        return changes.length > 0 ? changes[changes.length - 1] : undefined
    }

    // The auto-lock checks every 20 ms here: a few checks go by, the session still open.
    function expectStillUnlocked(why) {
        wait(100)
        compare(Session.state, Session.Unlocked, why)
    }

    function test_suspended_saves_hides_and_locks_a_minute_later() {
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "en")
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: draftId})
        const id = findChild(screen, "answers").itemAt(0).modelData.id
        const field = findChild(screen, "answer_" + id)
        field.forceActiveFocus()
        for (const letter of "Notes")
            keyClick(letter)

        // Time in front of the user does not count towards the lock.
        TestSupport.advanceAwayClock(50000)
        AppPresence.applicationStateChanged(Qt.ApplicationSuspended)
        compare(saveRequests.count, 1, "a save asked for at once")
        verify(AppPresence.away)
        verify(AppPresence.contentHidden, "content hidden from the snapshot")
        compare(lastPrivacyRequest(), true)
        // What was typed is in the vault, read by another editor (nothing was left to save:
        // every edit is saved as it is typed; a deferred save would have to finish here).
        const reader = createTemporaryObject(editorComponent, root, {draftId: draftId})
        compare(reader.answer(id), "Notes")

        TestSupport.advanceAwayClock(30000)
        expectStillUnlocked("30 s away of the minute")
        TestSupport.advanceAwayClock(31000)
        tryCompare(Session, "state", Session.Locked, 5000)

        AppPresence.applicationStateChanged(Qt.ApplicationActive)
        verify(!AppPresence.away)
        verify(!AppPresence.contentHidden, "content shown again in front")
        compare(lastPrivacyRequest(), false)
    }

    function test_back_before_the_delay_stays_unlocked() {
        AppPresence.applicationStateChanged(Qt.ApplicationHidden)
        compare(saveRequests.count, 1)
        verify(AppPresence.contentHidden)
        TestSupport.advanceAwayClock(59000)
        AppPresence.applicationStateChanged(Qt.ApplicationActive)
        verify(!AppPresence.contentHidden)
        // The count stopped when the app came back.
        TestSupport.advanceAwayClock(120000)
        expectStillUnlocked("back in front before the minute")
    }

    // On a phone Inactive is a passing state (the notification shade, a call): it saves and
    // hides at once, as the snapshot may follow, but does not start the lock's count.
    function test_inactive_saves_and_hides_without_counting() {
        AppPresence.applicationStateChanged(Qt.ApplicationInactive)
        compare(saveRequests.count, 1)
        verify(AppPresence.contentHidden)
        compare(lastPrivacyRequest(), true)
        TestSupport.advanceAwayClock(120000)
        expectStillUnlocked("inactive is not away on a phone")
        AppPresence.applicationStateChanged(Qt.ApplicationActive)
        verify(!AppPresence.contentHidden)
    }
}
