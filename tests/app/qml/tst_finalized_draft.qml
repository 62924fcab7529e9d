import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// A submission on its way (finalized: packed, encrypted, queued) or delivered cannot be changed
// by accident, on a real vault: the editor shows it read-only with a line saying why, the view
// model refuses every write with DraftFinalized, nothing reaches the store; deleting it says
// what it cancels or erases for where it stands. And the organization kind shows exactly what
// is stored, in any language, after a switch.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"
    readonly property string notice: "This submission has been sent or is waiting to be sent, so it can no longer be changed. What you see here is what the secretariat receives."
    readonly property string removedNotice: "This submission was taken out of the outbox and will not be sent. It stays as it was when you sent it; to change it and send it again, make an editable copy."

    name: "FinalizedDraft"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: editorScreenComponent

        DraftEditorScreen {
            width: 412
            height: 780
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
        id: draftsScreenComponent

        DraftsScreen {
            width: 360
            height: 640
        }
    }

    SignalSpy {
        id: sentSpy

        signalName: "sent"
    }

    SignalSpy {
        id: copySpy

        signalName: "copyMade"
    }

    function init() {
        UiLanguage.code = "en"
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function cleanup() {
        UiLanguage.code = "en"
    }

    function typeInto(field, text) {
        field.forceActiveFocus()
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    // A complete draft (organization, country, kind, consent, one answer, one file); returns
    // {draftId, questionId}.
    function completeDraft() {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "en")
        verify(draftId >= 0)
        editor.organization = "Red Ribbon"
        editor.organizationKind = "nhri"
        editor.country = "Chile"
        editor.contact = "desk@example.org"
        editor.consent = DraftEditor.Public
        const call = createTemporaryObject(callComponent, root, {callId: root.callId})
        const questionId = call.questions[0].id
        editor.setAnswer(questionId, "What the secretariat receives")
        verify(editor.addAttachment(TestSupport.writeFile("report.pdf", 3000)))
        compare(editor.saveState, DraftEditor.Saved)
        return {draftId: draftId, questionId: questionId}
    }

    // Finalizes the draft as the review screen's "send" does: packed, encrypted, queued.
    function finalize(draftId) {
        const review = createTemporaryObject(reviewComponent, root, {draftId: draftId})
        compare(review.issues.length, 0, JSON.stringify(review.issues))
        sentSpy.clear()
        sentSpy.target = review
        review.send()
        sentSpy.wait(20000)
        compare(OutboxStates.stateOf(draftId), "queued")
    }

    function test_a_finalized_draft_is_shown_read_only() {
        const made = completeDraft()
        finalize(made.draftId)
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: made.draftId})
        const saveState = findChild(screen, "saveState")
        compare(saveState.text, root.notice)
        compare(saveState.Accessible.name, root.notice)

        // Every field shows what was sealed, and none takes a keystroke.
        const organization = findChild(screen, "organizationField")
        compare(organization.text, "Red Ribbon")
        verify(organization.readOnly)
        typeInto(organization, "XYZ")
        compare(organization.text, "Red Ribbon")
        for (const name of ["countryField", "contactField"])
            verify(findChild(screen, name).readOnly, name)
        const answer = findChild(screen, "answer_" + made.questionId)
        compare(answer.text, "What the secretariat receives")
        verify(answer.readOnly)
        typeInto(answer, " edited")
        compare(answer.text, "What the secretariat receives")
        const kind = findChild(screen, "organizationKindField")
        compare(kind.currentIndex, 1)
        verify(!kind.enabled)
        verify(!findChild(screen, "submissionLanguageField").enabled)
        for (const name of ["consentPublic", "consentAnonymous", "consentConfidential"])
            verify(!findChild(screen, name).enabled, name)
        verify(findChild(screen, "consentPublic").checked)
        // Nothing that writes is offered.
        verify(!findChild(screen, "removeAttachment_0").visible)
        verify(!findChild(screen, "addAttachmentButton").visible)
        verify(!findChild(screen, "reviewButton").visible)
        // Still in the outbox: the outbox, not the editor, offers a copy.
        verify(!findChild(screen, "makeEditableCopyButton").visible)
        const smaller = findChild(screen, "sendSmallerCopy_0")
        verify(!smaller.visible || !smaller.enabled)
        compare(findChild(screen, "saveState").text, root.notice)
    }

    function test_the_view_model_refuses_every_write() {
        const made = completeDraft()
        finalize(made.draftId)
        const editor = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        verify(editor.finalized)
        compare(editor.attachments.length, 1)
        const attachmentId = editor.attachments[0].id

        const refused = function (what) {
            compare(editor.saveState, DraftEditor.Failed, what)
            compare(editor.problem, Problem.DraftFinalized, what)
        }
        editor.organization = "Changed after sending"
        refused("organization")
        editor.organizationKind = "ngo"
        refused("kind")
        editor.country = "Peru"
        refused("country")
        editor.contact = "other@example.org"
        refused("contact")
        editor.language = "fr"
        refused("language")
        editor.consent = DraftEditor.Confidential
        refused("consent")
        editor.setAnswer(made.questionId, "Changed after sending")
        refused("answer")
        verify(!editor.addAttachment(TestSupport.writeFile("late.pdf", 100)))
        refused("attach")
        editor.removeAttachment(attachmentId)
        refused("remove attachment")

        // What the store holds is what was sealed.
        const reader = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        compare(reader.organization, "Red Ribbon")
        compare(reader.organizationKind, "nhri")
        compare(reader.country, "Chile")
        compare(reader.contact, "desk@example.org")
        compare(reader.language, "en")
        compare(reader.consent, DraftEditor.Public)
        compare(reader.answer(made.questionId), "What the secretariat receives")
        compare(reader.attachments.length, 1)
        compare(TestSupport.filesContaining("Changed after sending").length, 0)
    }

    // An editor left open while the review screen finalizes the draft turns read-only at its
    // next write, which the store refuses.
    function test_an_open_editor_turns_read_only_when_finalized_elsewhere() {
        const made = completeDraft()
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: made.draftId})
        compare(findChild(screen, "saveState").text, "Saved, encrypted on this device")
        verify(!findChild(screen, "organizationField").readOnly)
        finalize(made.draftId)
        typeInto(findChild(screen, "countryField"), "X")
        // The refusal comes back from the autosave thread.
        tryCompare(findChild(screen, "saveState"), "text", root.notice)
        verify(findChild(screen, "countryField").readOnly)
        verify(!findChild(screen, "reviewButton").visible)
        const reader = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        compare(reader.country, "Chile")
    }

    // Taken out of the outbox, a finalized submission will not be sent: the editor says so
    // and offers an editable copy, which opens in its place with the same answers and files,
    // while the submission it was made from stays as it was sealed.
    function test_a_submission_taken_out_of_the_outbox_offers_an_editable_copy() {
        const made = completeDraft()
        finalize(made.draftId)
        verify(OutboxStates.remove(made.draftId))
        compare(OutboxStates.stateOf(made.draftId), "")

        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: made.draftId})
        const saveState = findChild(screen, "saveState")
        compare(saveState.text, root.removedNotice)
        compare(saveState.Accessible.name, root.removedNotice)
        verify(findChild(screen, "organizationField").readOnly)
        verify(findChild(screen, "answer_" + made.questionId).readOnly)
        verify(!findChild(screen, "reviewButton").visible)
        const copyButton = findChild(screen, "makeEditableCopyButton")
        verify(copyButton.visible)
        compare(copyButton.text, "Make an editable copy")
        compare(copyButton.Accessible.name, "Make an editable copy")
        verify(!findChild(screen, "copyProblem").visible)

        mouseClick(copyButton)
        tryVerify(() => screen.draftId !== made.draftId)
        const copyId = screen.draftId
        verify(copyId > 0)
        // The copy is open and editable, with what the submission said.
        compare(findChild(screen, "saveState").text, "Saved, encrypted on this device")
        verify(!copyButton.visible)
        verify(findChild(screen, "reviewButton").visible)
        const organization = findChild(screen, "organizationField")
        verify(!organization.readOnly)
        compare(organization.text, "Red Ribbon")
        compare(findChild(screen, "countryField").text, "Chile")
        verify(findChild(screen, "consentPublic").checked)
        verify(findChild(screen, "consentPublic").enabled)
        const answer = findChild(screen, "answer_" + made.questionId)
        compare(answer.text, "What the secretariat receives")
        verify(!answer.readOnly)
        verify(findChild(screen, "removeAttachment_0").visible)
        typeInto(organization, " East")
        compare(findChild(screen, "saveState").text, "Saved, encrypted on this device")

        // The store holds the change in the copy only.
        const copy = createTemporaryObject(editorComponent, root, {draftId: copyId})
        verify(!copy.finalized)
        verify(!copy.removedFromOutbox)
        compare(copy.organization, "Red Ribbon East")
        compare(copy.organizationKind, "nhri")
        compare(copy.contact, "desk@example.org")
        compare(copy.consent, DraftEditor.Public)
        compare(copy.answer(made.questionId), "What the secretariat receives")
        compare(copy.attachments.length, 1)
        compare(copy.attachments[0].name, "report.pdf")
        compare(copy.attachments[0].size, 3000)
        compare(OutboxStates.stateOf(copyId), "")

        const original = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        verify(original.finalized)
        verify(original.removedFromOutbox)
        compare(original.organization, "Red Ribbon")
        compare(original.answer(made.questionId), "What the secretariat receives")
        compare(original.attachments.length, 1)
        original.organization = "Changed after removal"
        compare(original.problem, Problem.DraftFinalized)
        const reread = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        compare(reread.organization, "Red Ribbon")
    }

    // The view model's copy, without the screen: a new id, emitted and returned.
    function test_the_view_model_copies_a_removed_submission() {
        const made = completeDraft()
        finalize(made.draftId)
        const editor = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        verify(editor.finalized)
        verify(!editor.removedFromOutbox)
        verify(OutboxStates.remove(made.draftId))
        const reopened = createTemporaryObject(editorComponent, root, {draftId: made.draftId})
        verify(reopened.finalized)
        verify(reopened.removedFromOutbox)
        copySpy.clear()
        copySpy.target = reopened
        const copyId = reopened.makeEditableCopy()
        verify(copyId > 0 && copyId !== made.draftId)
        compare(copySpy.count, 1)
        compare(copySpy.signalArguments[0][0], copyId)
        compare(reopened.draftId, made.draftId)
    }

    function openDeleteDialog(screen, draftId) {
        const list = findChild(screen, "draftsList")
        for (let i = 0; i < list.count; ++i) {
            list.currentIndex = i
            const item = list.currentItem
            if (item && item.draftId === draftId) {
                waitForRendering(screen) // the row laid out before it is pressed
                mouseClick(findChild(screen, "deleteDraft_" + i))
                const dialog = findChild(screen, "confirmDeleteDraft")
                tryCompare(dialog, "opened", true)
                return dialog
            }
        }
        fail("no row for draft " + draftId)
        return null
    }

    function test_the_delete_confirmation_says_what_it_cancels_data() {
        return [
            {tag: "editing", state: "", uploaded: 0, title: "Delete this draft?", button: "Delete",
             message: "Its answers and attached files will be erased from this device. This cannot be undone."},
            {tag: "waiting", state: "queued", uploaded: 0, title: "Delete this submission?",
             button: "Delete and cancel sending",
             message: "It is waiting to be sent. Deleting it cancels the sending: nothing will reach the secretariat. Its answers and attached files will be erased from this device. This cannot be undone."},
            {tag: "partlySent", state: "waiting", uploaded: 100, title: "Delete this submission?",
             button: "Delete and cancel sending",
             message: "Part of it has already been uploaded. Deleting it cancels the sending: the upload is stopped and never completed, so nothing reaches the secretariat. Its answers and attached files will be erased from this device. This cannot be undone."},
            {tag: "fullySent", state: "uploading", uploaded: -1, title: "Delete this submission?", button: "Delete",
             message: "All of it has already reached the secretariat; only the receipt has not come back yet. Deleting it does not take it back. Its answers, attached files and sending record will be erased from this device. This cannot be undone."},
            {tag: "delivered", state: "delivered", uploaded: -1, title: "Delete this submission?", button: "Delete",
             message: "The secretariat has received it and keeps it: deleting it here does not take it back. Its answers, attached files and the delivery receipt, your proof that it arrived, will be erased from this device. This cannot be undone."},
        ]
    }

    function test_the_delete_confirmation_says_what_it_cancels(data) {
        const made = completeDraft()
        const other = completeDraft()
        if (data.state.length > 0) {
            finalize(made.draftId)
            const size = OutboxStates.envelopeSize(made.draftId)
            verify(size > 0)
            verify(OutboxStates.set(made.draftId, data.state, data.uploaded < 0 ? size : data.uploaded))
            compare(OutboxStates.envelopeCount(), 1)
        }
        const screen = createTemporaryObject(draftsScreenComponent, root)
        const list = findChild(screen, "draftsList")
        compare(list.count, 2)

        // Cancel keeps everything.
        let dialog = openDeleteDialog(screen, made.draftId)
        compare(dialog.title, data.title)
        compare(findChild(dialog.contentItem, "confirmDeleteDraftMessage").text, data.message)
        const confirm = findChild(dialog.footer, "confirmDeleteDraftButton")
        const cancel = findChild(dialog.footer, "cancelDeleteDraftButton")
        compare(confirm.text, data.button)
        compare(cancel.text, "Cancel")
        verify(confirm.Accessible.name.length > 0)
        verify(cancel.Accessible.name.length > 0)
        // Both buttons inside the dialog, not pushed out of it, on a 360 px screen.
        for (const button of [confirm, cancel]) {
            const at = button.mapToItem(dialog.contentItem.parent, 0, 0)
            verify(at.x >= 0 && at.x + button.width <= dialog.width + 1, button.objectName + " at " + at.x)
        }
        // At its right edge, where a dialog's actions are: Delete last on one row, or both
        // stacked (Delete above Cancel) when the label is long.
        const confirmAt = confirm.mapToItem(dialog.contentItem.parent, 0, 0)
        const cancelAt = cancel.mapToItem(dialog.contentItem.parent, 0, 0)
        verify(confirmAt.x + confirm.width >= dialog.width - 40, "Delete ends at " + (confirmAt.x + confirm.width))
        if (data.button === "Delete") {
            compare(cancelAt.y, confirmAt.y)
            verify(cancelAt.x + cancel.width <= confirmAt.x)
        } else {
            verify(cancelAt.y >= confirmAt.y + confirm.height - 1)
            verify(cancelAt.x + cancel.width >= dialog.width - 40, "Cancel ends at " + (cancelAt.x + cancel.width))
        }
        mouseClick(cancel)
        tryCompare(dialog, "visible", false)
        compare(list.count, 2)
        compare(OutboxStates.stateOf(made.draftId), data.state)

        // Delete takes the draft, its outbox entry and its envelope; the other draft stays.
        dialog = openDeleteDialog(screen, made.draftId)
        mouseClick(findChild(dialog.footer, "confirmDeleteDraftButton"))
        tryCompare(dialog, "visible", false)
        compare(list.count, 1)
        compare(OutboxStates.stateOf(made.draftId), "")
        compare(OutboxStates.envelopeCount(), 0)
        const reader = createTemporaryObject(editorComponent, root, {draftId: other.draftId})
        compare(reader.organization, "Red Ribbon")
    }

    // Our own buttons follow the app's language (Qt's "Discard" did not). The texts of a draft
    // still being written are the ones translated longest.
    function test_delete_confirmation_follows_the_language() {
        const made = completeDraft()
        const screen = createTemporaryObject(draftsScreenComponent, root)
        UiLanguage.code = "fr"
        const dialog = openDeleteDialog(screen, made.draftId)
        compare(dialog.title, "Supprimer ce brouillon\u00a0?")
        compare(findChild(dialog.footer, "confirmDeleteDraftButton").text, "Supprimer")
        dialog.close()
        tryCompare(dialog, "visible", false)
    }

    // Nothing chosen stays nothing chosen after a language switch (it showed the first kind);
    // a chosen kind stays that kind, named in the new language.
    function test_organization_kind_shows_what_is_stored_after_a_language_switch_data() {
        return [
            {tag: "none", kind: "", index: -1,
             shown: {en: "Kind of organization", es: "Tipo de organización", fr: "Type d’organisation"}},
            {tag: "nhri", kind: "nhri", index: 1,
             shown: {en: "National human rights institution", es: "Institución nacional de derechos humanos",
                     fr: "Institution nationale des droits de l’homme"}},
        ]
    }

    function test_organization_kind_shows_what_is_stored_after_a_language_switch(data) {
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "en")
        if (data.kind.length > 0)
            starter.organizationKind = data.kind
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: draftId})
        const kind = findChild(screen, "organizationKindField")
        compare(kind.currentIndex, data.index)
        compare(kind.displayText, data.shown.en)
        for (const code of ["es", "fr", "en", "es"]) {
            UiLanguage.code = code
            compare(kind.currentIndex, data.index, code)
            compare(kind.displayText, data.shown[code], code)
        }
        const reader = createTemporaryObject(editorComponent, root, {draftId: draftId})
        compare(reader.organizationKind, data.kind)
    }
}
