import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The draft editor on a real vault: every edit is saved, encrypted, and read back exactly.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"

    name: "DraftEditor"
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
        id: draftsScreenComponent

        DraftsScreen {
            width: 412
            height: 780
        }
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function cleanup() {
        UiLanguage.code = "en"
        TestSupport.useOpenSeedCall()
    }

    function typeInto(field, text) {
        field.forceActiveFocus()
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function newDraft() {
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "fr")
        verify(draftId >= 0)
        return draftId
    }

    function test_typed_text_is_saved_and_read_back() {
        const draftId = newDraft()
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: draftId})
        typeInto(findChild(screen, "organizationField"), "Red Ribbon")
        typeInto(findChild(screen, "countryField"), "Chile")
        const answer = findChild(screen, "answer_use-of-force-framework")
        verify(answer, "the first key question's answer field")
        typeInto(answer, "Three short words")
        compare(findChild(screen, "wordCount_use-of-force-framework").text, "3 of 2,500 words")
        // Below the fold of the test window: press it the way a tap would end.
        findChild(screen, "consentAnonymous").clicked()
        compare(findChild(screen, "saveState").text, "Saved, encrypted on this device")

        // A second editor reads what the store holds, not what the first one remembers.
        const reader = createTemporaryObject(editorComponent, root, {draftId: draftId})
        compare(reader.organization, "Red Ribbon")
        compare(reader.country, "Chile")
        compare(reader.language, "fr")
        compare(reader.answer("use-of-force-framework"), "Three short words")
        compare(reader.consent, DraftEditor.Anonymous)

        // Nothing typed reaches the disk in plain text.
        compare(TestSupport.filesContaining("Red Ribbon"), [])
        compare(TestSupport.filesContaining("Three short words"), [])
    }

    // The seed call as published is closed: the editor offers no "Review and send", says why
    // where it would be, and offers the document export instead; a catalog that opens the
    // call brings the button back.
    function test_a_closed_call_offers_no_review_and_says_why() {
        const draftId = newDraft()
        TestSupport.useBuiltinCatalog()
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: draftId})
        verify(!findChild(screen, "reviewButton").visible)
        const notice = findChild(screen, "callClosedNotice")
        verify(notice.visible)
        compare(notice.text, "This call is closed, so this draft cannot be sent. It stays here, and you can still export it as a document.")
        const exportButton = findChild(screen, "closedCallExportButton")
        verify(exportButton.visible)
        exportButton.clicked()
        const dialog = findChild(screen, "exportDialog")
        tryVerify(() => dialog.opened)
        compare(dialog.draftId, draftId)
        verify(findChild(dialog, "exportWarning").visible, "the unencrypted copy's warning first")
        dialog.close()
        UiLanguage.code = "es"
        verify(notice.text.indexOf("cerrada") > 0, notice.text)
        TestSupport.useOpenSeedCall()
        verify(findChild(screen, "reviewButton").visible)
        verify(!notice.visible)
        verify(!exportButton.visible)
    }

    function test_attachments_are_added_and_removed() {
        const draftId = newDraft()
        const editor = createTemporaryObject(editorComponent, root, {draftId: draftId})
        verify(editor.addAttachment(TestSupport.writeFile("report.pdf", 70000)))
        compare(editor.attachments.length, 1)
        compare(editor.attachments[0].name, "report.pdf")
        compare(editor.attachments[0].size, 70000)
        compare(editor.problem, Problem.None)
        verify(!editor.addAttachment("file:///nonexistent/missing.pdf"))
        compare(editor.problem, Problem.FileUnreadable)
        compare(editor.attachments.length, 1)
        editor.removeAttachment(editor.attachments[0].id)
        compare(editor.attachments.length, 0)
        compare(editor.problem, Problem.None)
    }

    // On a phone a file comes from another app as a content:// URL, with no path behind it:
    // the editor reads it through the platform's SharedFiles, with the name and type its
    // provider gives, and says so when the grant has ended.
    function test_a_file_shared_by_another_app_is_read_through_the_platform() {
        const draftId = newDraft()
        const editor = createTemporaryObject(editorComponent, root, {draftId: draftId})
        const shared = TestSupport.shareFile("Notes de terrain.pdf", 5000, "application/pdf")
        compare(shared.toString().substring(0, 10), "content://")
        verify(editor.addAttachment(shared))
        compare(editor.problem, Problem.None)
        compare(editor.attachments.length, 1)
        compare(editor.attachments[0].name, "Notes de terrain.pdf")
        compare(editor.attachments[0].mediaType, "application/pdf")
        compare(editor.attachments[0].size, 5000)
        const revoked = TestSupport.shareFile("photo.jpg", 100, "image/jpeg")
        TestSupport.revokeSharedFile(revoked)
        verify(!editor.addAttachment(revoked))
        compare(editor.problem, Problem.FileUnreadable)
        compare(editor.attachments.length, 1)
    }

    function test_locking_forgets_the_draft_text() {
        const draftId = newDraft()
        const editor = createTemporaryObject(editorComponent, root, {draftId: draftId})
        editor.organization = "Sealed Org"
        compare(editor.organization, "Sealed Org")
        Session.lock()
        verify(!editor.ready)
        compare(editor.organization, "")
        editor.organization = "typed while locked"
        compare(editor.saveState, DraftEditor.Failed)
        compare(editor.problem, Problem.VaultLocked)
    }

    function test_drafts_list_deletes_after_confirmation() {
        newDraft()
        newDraft()
        const screen = createTemporaryObject(draftsScreenComponent, root)
        const list = findChild(screen, "draftsList")
        compare(list.count, 2)
        waitForRendering(screen) // the rows laid out before one is pressed
        mouseClick(findChild(screen, "deleteDraft_0"))
        const dialog = findChild(screen, "confirmDeleteDraft")
        tryCompare(dialog, "opened", true)
        dialog.reject()
        tryCompare(dialog, "visible", false)
        compare(list.count, 2)
        mouseClick(findChild(screen, "deleteDraft_0"))
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog.footer, "confirmDeleteDraftButton"))
        compare(list.count, 1)
    }
}
