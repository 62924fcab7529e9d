import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The outbox screen on a real vault with the app's real sender (sending to a loopback port
// where nothing listens): each state that needs the user shows its action on the entry, and
// the action does what it says — "Try again now" makes the sender try at once, "Make an
// editable copy" makes a new draft with everything the submission said, "Open the draft" /
// "Open the copy" open it, "Remove from the outbox" asks first, says what happens, and takes
// the entry and its encrypted package away while the draft stays.
// A damaged envelope and a withdrawn call are driven for real (the sender finds them); the
// server's answers (too large, refused, unsafe, receipt) are written through the real store as
// the sender records them — app.outbox_actions gets them from the real endpoint.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"

    name: "Outbox"
    width: 360
    height: 640
    visible: true
    when: windowShown

    Component {
        id: outboxComponent

        OutboxScreen {
            width: 360
            height: 640
        }
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    Component {
        id: reviewComponent

        SubmissionReview {}
    }

    Component {
        id: callComponent

        CallDetails {}
    }

    Component {
        id: spyComponent

        SignalSpy {}
    }

    function init() {
        UiLanguage.code = "en"
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function cleanup() {
        OutboxSender.stopSender()
        OutboxSender.restoreCatalog()
        UiLanguage.code = "en"
    }

    // A finished draft sent from the review screen's view model: it is in the outbox, queued.
    function makeSubmission(organization) {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "en")
        verify(draftId >= 0)
        editor.organization = organization
        editor.country = "Senegal"
        editor.consent = DraftEditor.Public
        const call = createTemporaryObject(callComponent, root, {callId: root.callId})
        editor.setAnswer(call.questions[0].id, "Community policing cut complaints by half.")
        compare(editor.saveState, DraftEditor.Saved)
        const review = createTemporaryObject(reviewComponent, root, {draftId: draftId})
        compare(review.issues.length, 0)
        review.send()
        // Finalizing runs on the review's worker: done when it is no longer busy.
        tryCompare(review, "busy", false, 20000)
        compare(review.problem, Problem.None)
        compare(OutboxSender.outboxEntry(draftId).state, "queued")
        return draftId
    }

    function showOutbox() {
        const screen = createTemporaryObject(outboxComponent, root)
        verify(screen)
        return screen
    }

    function shown(screen, name) {
        const item = findChild(screen, name)
        verify(item, name)
        return item && item.visible
    }

    function control(screen, name) {
        // Laid out before it is pressed: a row of buttons wraps once its width is known.
        waitForRendering(screen)
        const item = findChild(screen, name)
        verify(item, name)
        verify(item.visible, name + " is shown")
        verify(item.Accessible.name.length > 0, name + " has an accessible name")
        return item
    }

    function statusText(screen) {
        return findChild(screen, "outboxStatus_0").text
    }

    // A refreshed catalog closes the call while a submission waits: the entry names the call
    // and says so; the draft stays.
    function test_a_call_closed_since_is_said_on_the_entry() {
        const draftId = makeSubmission("Closed Since")
        const screen = showOutbox()
        verify(findChild(screen, "outboxCall_0").text.indexOf("Reimagining policing") === 0)
        verify(!shown(screen, "outboxCallClosed_0"))
        OutboxSender.closeCall(root.callId)
        tryVerify(() => shown(screen, "outboxCallClosed_0"))
        verify(findChild(screen, "outboxCallClosed_0").text.indexOf("Your draft stays in Drafts") > 0)
        compare(OutboxSender.outboxEntry(draftId).state, "queued")
        compare(statusText(screen), "Held back: the call is closed.")
        verify(!shown(screen, "sendNowButton"))
    }

    // The sender holds an entry of a closed call back: nothing is tried (the loopback port
    // would have made it "offline"), even on "Send now", which is not offered for it; the
    // entry says why and offers its draft and removal. Closed while the sender runs, and
    // before it starts.
    function test_the_sender_holds_back_an_entry_of_a_closed_call_data() {
        return [{tag: "while sending", closeFirst: false}, {tag: "before starting", closeFirst: true}]
    }

    function test_the_sender_holds_back_an_entry_of_a_closed_call(data) {
        const draftId = makeSubmission("Held Back")
        if (data.closeFirst)
            OutboxSender.closeCall(root.callId)
        else
            OutboxSender.markWaitingAfter(draftId, "offline") // an hour of backoff to go
        OutboxSender.startSender()
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        if (!data.closeFirst) {
            verify(shown(screen, "sendNowButton"))
            OutboxSender.closeCall(root.callId)
        }
        tryVerify(() => OutboxSender.outboxEntry(draftId).waitReason === "call_closed", 10000,
                  JSON.stringify(OutboxSender.outboxEntry(draftId)))
        compare(OutboxSender.outboxEntry(draftId).state, "waiting")
        compare(OutboxSender.outboxEntry(draftId).lastError, data.closeFirst ? "" : "offline")
        verify(OutboxSender.outboxEntry(draftId).envelope, "the sealed package is kept")
        compare(OutboxSender.draft(draftId).organization, "Held Back")
        tryVerify(() => statusText(screen) === "Held back: the call is closed.", 5000, statusText(screen))
        verify(shown(screen, "outboxCallClosed_0"))
        verify(!shown(screen, "sendNowButton"), "nothing to send now")
        verify(!shown(screen, "outboxTryAgain_0"))
        control(screen, "outboxOpenDraft_0")
        control(screen, "outboxRemove_0")
        // Asked all the same (the app's "send now"), the sender still holds it.
        const outbox = findChild(screen, "outboxList").model
        outbox.sendNow()
        wait(500)
        compare(OutboxSender.outboxEntry(draftId).waitReason, "call_closed")
        compare(OutboxSender.outboxEntry(draftId).lastError, data.closeFirst ? "" : "offline")
        // Opened again by a refresh: the sender tries at once (and meets the closed port).
        OutboxSender.restoreCatalog()
        tryVerify(() => OutboxSender.outboxEntry(draftId).waitReason === "backoff", 10000,
                  JSON.stringify(OutboxSender.outboxEntry(draftId)))
        compare(OutboxSender.outboxEntry(draftId).lastError, "offline")
        tryVerify(() => !shown(screen, "outboxCallClosed_0"))
        // The row shows its waiting state once the model has caught up: wait for it, too.
        tryVerify(() => !shown(screen, "outboxRemove_0"), 5000)
    }

    function test_tryAgainNow_data() {
        return [
            {tag: "refused", code: "refused", words: "refused this submission"},
            {tag: "endpoint unsafe", code: "tls_pin_mismatch", words: "could not prove"},
            {tag: "receipt", code: "receipt_invalid", words: "receipt could not be verified"},
        ]
    }

    // The sender really tries again at once: its new attempt meets the closed port
    // (offline), so the entry waits for its next try instead of needing attention.
    function test_tryAgainNow(data) {
        const draftId = makeSubmission("Collectif Horizon")
        verify(OutboxSender.markNeedsAttention(draftId, data.code, 0))
        OutboxSender.startSender()
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        verify(statusText(screen).indexOf(data.words) >= 0, statusText(screen))
        verify(shown(screen, "outboxRemove_0"))
        verify(!shown(screen, "outboxCopy_0"))
        const tryAgain = control(screen, "outboxTryAgain_0")
        verify(tryAgain.Accessible.name.indexOf("Collectif Horizon") >= 0)
        // The sender leaves an entry that needs attention alone until the user acts.
        wait(300)
        compare(OutboxSender.outboxEntry(draftId).state, "needs_attention")

        mouseClick(tryAgain)
        tryVerify(() => OutboxSender.outboxEntry(draftId).lastError === "offline", 10000)
        compare(OutboxSender.outboxEntry(draftId).state, "waiting")
        // The screen follows: it waits for its next try, nothing for the user to do.
        tryVerify(() => statusText(screen).indexOf("Next try at") >= 0, 5000, statusText(screen))
        verify(!findChild(screen, "outboxTryAgain_0").visible)
        verify(!findChild(screen, "outboxRemove_0").visible)
    }

    // A sign-in page: the sender would retry by itself later, but only the user can sign in;
    // once they have, "Try again now" sends at once.
    function test_signInPageOffersTryAgainNow() {
        const draftId = makeSubmission("Collectif Horizon")
        verify(OutboxSender.markWaitingAfter(draftId, "captive_portal"))
        OutboxSender.startSender()
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        verify(statusText(screen).indexOf("sign in") >= 0, statusText(screen))
        verify(!shown(screen, "outboxRemove_0"), "nothing to remove: it is on its way")
        wait(300)
        compare(OutboxSender.outboxEntry(draftId).lastError, "captive_portal")
        mouseClick(control(screen, "outboxTryAgain_0"))
        tryVerify(() => OutboxSender.outboxEntry(draftId).lastError === "offline", 10000)
        tryVerify(() => statusText(screen).indexOf("Next try at") >= 0, 5000, statusText(screen))
        verify(!findChild(screen, "outboxTryAgain_0").visible)
    }

    // Refused: where to turn (the secretariat's address from the catalog), with what the
    // secretariat knows the submission by.
    function test_refusedSaysWhomToAskAndWithWhatReference() {
        const draftId = makeSubmission("Collectif Horizon")
        verify(OutboxSender.markNeedsAttention(draftId, "refused", 0))
        OutboxSender.startSender()
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        const help = findChild(screen, "outboxContact_0")
        verify(help.visible)
        const submissionId = OutboxSender.draft(draftId).submissionId
        compare(submissionId.length, 36)
        verify(help.text.indexOf(submissionId) >= 0, help.text)
        verify(help.text.indexOf("ohchr-emler@un.org") >= 0, help.text)
        verify(help.text.indexOf("web page") < 0, help.text)
    }

    // Too large: an editable copy, a new submission with everything the original said.
    function test_tooLargeMakesAnEditableCopy() {
        const draftId = makeSubmission("Ruban Rouge")
        verify(OutboxSender.markNeedsAttention(draftId, "too_large", 0))
        OutboxSender.startSender()
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        verify(statusText(screen).indexOf("Make an editable copy") >= 0, statusText(screen))
        verify(!shown(screen, "outboxTryAgain_0"))
        verify(!shown(screen, "outboxCopyMade_0"))
        const copy = control(screen, "outboxCopy_0")
        const chosen = createTemporaryObject(spyComponent, root, {target: screen, signalName: "draftChosen"})

        mouseClick(copy)
        tryVerify(() => findChild(screen, "outboxCopyMade_0").visible, 5000)
        verify(!findChild(screen, "outboxCopy_0").visible, "one copy is enough")
        mouseClick(control(screen, "outboxOpenCopy_0"))
        compare(chosen.count, 1)
        const copyId = chosen.signalArguments[0][0]
        verify(copyId !== draftId)

        const original = OutboxSender.draft(draftId)
        const copied = OutboxSender.draft(copyId)
        compare(copied.status, "editing")
        compare(copied.organization, "Ruban Rouge")
        compare(copied.answers, original.answers)
        verify(copied.submissionId !== original.submissionId, "another submission")
        compare(original.status, "finalized")
        compare(OutboxSender.outboxEntry(draftId).state, "needs_attention")
        compare(OutboxSender.outboxEntry(copyId).state, undefined, "the copy is not in the outbox")
        // The copy can be changed like any draft.
        const editor = createTemporaryObject(editorComponent, root, {draftId: copyId})
        editor.organization = "Ruban Rouge (copie)"
        compare(editor.saveState, DraftEditor.Saved)
        // Saved off the UI thread (DraftAutosave), on disk a moment later.
        tryVerify(() => OutboxSender.draft(copyId).organization === "Ruban Rouge (copie)", 5000)
        compare(OutboxSender.draft(draftId).organization, "Ruban Rouge")
    }

    // A damaged envelope, found by the sender; removal asks first, then the entry goes and the
    // draft stays.
    function test_damagedPackageIsRemovedAfterConfirmation() {
        const draftId = makeSubmission("Ruban Rouge")
        verify(OutboxSender.damageEnvelope(draftId))
        OutboxSender.startSender()
        tryVerify(() => OutboxSender.outboxEntry(draftId).lastError === "local_io", 10000)
        compare(OutboxSender.outboxEntry(draftId).state, "needs_attention")
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        verify(statusText(screen).indexOf("damaged or missing") >= 0, statusText(screen))
        control(screen, "outboxCopy_0")
        const dialog = findChild(screen, "confirmRemoveFromOutbox")

        // Cancel changes nothing.
        mouseClick(control(screen, "outboxRemove_0"))
        tryCompare(dialog, "opened", true)
        const message = findChild(dialog.contentItem, "confirmRemoveMessage").text
        verify(message.indexOf("“Ruban Rouge” will not be sent") >= 0, message)
        verify(message.indexOf("The draft stays in Drafts") >= 0, message)
        verify(message.indexOf("make an editable copy first") >= 0, message)
        const cancel = findChild(dialog.footer, "cancelRemoveButton")
        verify(cancel.Accessible.name.length > 0)
        mouseClick(cancel)
        tryCompare(dialog, "visible", false)
        wait(300)
        compare(OutboxSender.outboxEntry(draftId).state, "needs_attention")
        verify(OutboxSender.outboxEntry(draftId).envelope)

        mouseClick(control(screen, "outboxRemove_0"))
        tryCompare(dialog, "opened", true)
        const confirm = findChild(dialog.footer, "confirmRemoveButton")
        verify(confirm.Accessible.name.length > 0)
        mouseClick(confirm)
        tryVerify(() => OutboxSender.outboxEntry(draftId).state === undefined, 10000)
        tryCompare(findChild(screen, "outboxList"), "count", 0, 5000)
        verify(findChild(screen, "outboxEmpty").visible)
        const kept = OutboxSender.draft(draftId)
        compare(kept.status, "finalized")
        compare(kept.organization, "Ruban Rouge")
    }

    // A withdrawn call, found by the sender: the draft can be opened, the entry removed.
    function test_withdrawnCallOpensTheDraftAndIsRemoved() {
        const draftId = makeSubmission("Collectif Horizon")
        OutboxSender.withdrawCall(root.callId)
        OutboxSender.startSender()
        tryVerify(() => OutboxSender.outboxEntry(draftId).lastError === "call_withdrawn", 10000)
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        verify(statusText(screen).indexOf("no longer offered") >= 0, statusText(screen))
        verify(!shown(screen, "outboxTryAgain_0"))
        verify(!shown(screen, "outboxCopy_0"))
        const chosen = createTemporaryObject(spyComponent, root, {target: screen, signalName: "draftChosen"})
        mouseClick(control(screen, "outboxOpenDraft_0"))
        compare(chosen.count, 1)
        compare(chosen.signalArguments[0][0], draftId)

        mouseClick(control(screen, "outboxRemove_0"))
        const dialog = findChild(screen, "confirmRemoveFromOutbox")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog.footer, "confirmRemoveButton"))
        tryVerify(() => OutboxSender.outboxEntry(draftId).state === undefined, 10000)
        compare(OutboxSender.draft(draftId).status, "finalized")
    }

    // No endpoint in reach: "Send it yourself…" opens the export dialog on the sealed envelope
    // first (the readable copy after it, with its warning), and saves it as <submission id>.age.
    // (The bytes, and amicus-intake taking them: tests/app/envelope_export_test.cpp.)
    function test_sendItYourselfOffersTheSealedEnvelopeFirst() {
        const draftId = makeSubmission("Collectif Sans Réseau")
        verify(OutboxSender.markWaitingAfter(draftId, "offline"))
        OutboxSender.startSender()
        const screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        verify(!shown(screen, "outboxReceipt_0"))
        mouseClick(control(screen, "outboxSendYourself_0"))
        const dialog = findChild(screen, "exportDialog")
        tryCompare(dialog, "opened", true)
        compare(dialog.title, "Send it yourself")
        const envelope = findChild(screen, "envelopeExport")
        verify(envelope.available)
        verify(findChild(screen, "exportSealedFirst").visible)
        verify(findChild(screen, "exportWarning").visible, "the readable copy is still offered, with its warning")
        const sealedFirst = findChild(screen, "exportSealedFirst")
        const warning = findChild(screen, "exportWarning")
        verify(sealedFirst.mapToItem(null, 0, 0).y < warning.mapToItem(null, 0, 0).y, "the sealed envelope comes first")
        // By hand there is no receipt, and the dialog says so before the file is saved.
        const noReceipt = findChild(screen, "exportNoReceipt")
        verify(noReceipt.visible)
        verify(noReceipt.text.indexOf("no receipt") > 0, noReceipt.text)
        const probe = TestSupport.writeFile("probe.txt", 1).toString()
        envelope.directoryUrl = probe.substring(0, probe.lastIndexOf("/"))
        const save = findChild(screen, "exportSaveEnvelope")
        verify(save.visible)
        verify(save.Accessible.name.length > 0)
        mouseClick(save)
        tryVerify(() => envelope.savedPath.length > 0, 10000)
        compare(envelope.failure, EnvelopeExport.None)
        verify(/^[0-9a-f-]{36}\.age$/.test(envelope.fileName), envelope.fileName)
        verify(envelope.savedPath.endsWith(envelope.fileName), envelope.savedPath)
        tryCompare(findChild(screen, "exportEnvelopeSaved"), "visible", true)
        compare(OutboxSender.outboxEntry(draftId).state, "waiting", "saving it leaves the entry to the sender")
    }

    // What removing says depends on what the server may hold.
    function test_removalSaysWhatHappensToWhatWasUploaded() {
        const draftId = makeSubmission("Collectif Horizon")
        verify(OutboxSender.markNeedsAttention(draftId, "refused", 4096))
        OutboxSender.startSender()
        let screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        mouseClick(control(screen, "outboxRemove_0"))
        let dialog = findChild(screen, "confirmRemoveFromOutbox")
        tryCompare(dialog, "opened", true)
        let message = findChild(dialog.contentItem, "confirmRemoveMessage").text
        verify(message.indexOf("never completed, so nothing reaches the secretariat") >= 0, message)
        verify(message.indexOf("editable copy") < 0, message)
        mouseClick(findChild(dialog.footer, "cancelRemoveButton"))
        tryCompare(dialog, "visible", false)

        OutboxSender.stopSender()
        verify(OutboxSender.markNeedsAttention(draftId, "receipt_invalid", 4096))
        OutboxSender.startSender()
        screen = showOutbox()
        tryCompare(findChild(screen, "outboxList"), "count", 1)
        mouseClick(control(screen, "outboxRemove_0"))
        dialog = findChild(screen, "confirmRemoveFromOutbox")
        tryCompare(dialog, "opened", true)
        message = findChild(dialog.contentItem, "confirmRemoveMessage").text
        verify(message.indexOf("may already have it") >= 0, message)
        verify(message.indexOf("never completed") < 0, message)
        mouseClick(findChild(dialog.footer, "cancelRemoveButton"))
    }

    // While sending: the percent, the size, then the rate after a separator.
    function test_sendingShowsPercentSizeAndRateApart() {
        const screen = showOutbox()
        compare(screen.sendingText(0.2871, "3.5 MB", "341 kB/s"), "Sending: 28% of 3.5 MB · 341 kB/s")
        compare(screen.sendingText(0.5, "3.5 MB", ""), "Sending: 50% of 3.5 MB")
    }
}
