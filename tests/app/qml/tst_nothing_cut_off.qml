import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Nothing on any screen, in any language, is cut off on a 360 × 640 phone: the whole app
// (Main, its header and tabs) shows each screen over a real vault holding a full draft (every
// question answered, three files) and a submission in the outbox, with the call open and as
// published (closed). No text is elided or stopped at its line limit (a folded background
// says "Read all" instead), no text or button runs past the window's sides, and what does not scroll
// (header, tabs, the editor's "Review and send", dialogs) lies wholly inside the window.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"

    name: "NothingCutOff"
    width: 360
    height: 640
    visible: true
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

    Component {
        id: reviewComponent

        SubmissionReview {}
    }

    Component {
        id: callComponent

        CallDetails {}
    }

    property int draftId: -1
    property int sentId: -1

    function initTestCase() {
        TestSupport.useFreshDataDirectory()
        TestSupport.useOpenSeedCall()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
        root.draftId = root.fullDraft("Observatorio Ciudadano de Seguridad de Cochabamba")
        root.sentId = root.fullDraft("Centre d’aide juridique pour les femmes de Lomé")
        const review = createTemporaryObject(reviewComponent, root, {draftId: root.sentId})
        compare(review.issues.length, 0)
        review.send()
        tryCompare(review, "busy", false, 20000)
        compare(review.problem, Problem.None)
    }

    function cleanupTestCase() {
        UiLanguage.code = "en"
        TestSupport.useOpenSeedCall()
    }

    // A draft as long as a field worker writes it: every question answered, three files.
    function fullDraft(organization) {
        const editor = createTemporaryObject(editorComponent, root)
        const id = editor.createDraft(root.callId, "es")
        verify(id >= 0)
        editor.organization = organization
        editor.organizationKind = "ngo"
        editor.country = "Estado Plurinacional de Bolivia"
        editor.contact = "coordinacion.general@observatorio-seguridad.example.org"
        editor.consent = DraftEditor.Anonymous
        const call = createTemporaryObject(callComponent, root, {callId: root.callId})
        for (let i = 0; i < call.questions.length; ++i)
            editor.setAnswer(call.questions[i].id, "Las patrullas comunitarias redujeron las quejas a la mitad en dos años.")
        verify(editor.addAttachment(TestSupport.writeFile("informe-de-seguimiento-del-observatorio-2023.pdf", 2000)))
        verify(editor.addAttachment(TestSupport.writeFile("acta.txt", 300)))
        // One line wide at 360 px, two in a narrower first layout pass.
        verify(editor.addAttachment(TestSupport.writeFile("informe-seguimiento-OCS-2023.pdf", 900)))
        compare(editor.saveState, DraftEditor.Saved)
        return id
    }

    function isFlickable(item) {
        return "contentY" in item && "contentHeight" in item && "flickableDirection" in item
    }

    // A folded text (FoldedText) is cut on purpose, with "Read all" beside it.
    function foldedOnPurpose(item) {
        return item.parent && "unfolded" in item.parent && !item.parent.unfolded
    }

    // Adds what is cut under `item` to `found`; `seen.texts` counts the texts walked.
    function cutIn(item, window, scrolled, found, seen) {
        if (!item || !item.visible || item.opacity === 0 || item.width <= 0 || item.height <= 0)
            return found
        const box = item.mapToItem(window.contentItem, 0, 0, item.width, item.height)
        if ("truncated" in item && "text" in item && String(item.text).length > 0) {
            seen.texts += 1
            const what = "'" + String(item.text).substring(0, 60) + "'"
            if (item.truncated && !foldedOnPurpose(item))
                found.push(what + " is elided or over its line limit")
            // Laid out taller than its lines: a blank line under it (a stale layout height).
            if (item.verticalAlignment === Text.AlignTop && item.height > item.implicitHeight + 4
                    && item.height - item.contentHeight > 8)
                found.push(what + " is " + Math.round(item.height) + " px high for "
                           + Math.round(item.contentHeight) + " px of text")
            if (box.x < -1 || box.x + box.width > window.width + 1)
                found.push(what + " runs past the side (" + Math.round(box.x) + ", " + Math.round(box.width) + ")")
        }
        // A button (AbstractButton: it has `checkable`) wholly inside the window's sides too.
        if ("checkable" in item && "text" in item && (box.x < -1 || box.x + box.width > window.width + 1))
            found.push("button '" + item.text + "' runs past the side (" + Math.round(box.x) + ", " + Math.round(box.width) + ")")
        if (!scrolled && (box.y + box.height > window.height + 1 || box.y < -window.header.height - 1))
            found.push(item + " '" + (item.text || item.objectName || "") + "' lies outside the window ("
                       + Math.round(box.y) + " + " + Math.round(box.height) + ")")
        for (let i = 0; i < item.children.length; ++i)
            cutIn(item.children[i], window, scrolled || isFlickable(item), found, seen)
        return found
    }

    function checkWindow(window, what) {
        waitForRendering(window.contentItem)
        wait(50) // layouts settle (tabs fit their labels after the first frame)
        const seen = {texts: 0}
        const found = cutIn(window.header, window, false, [], seen)
        cutIn(window.contentItem, window, false, found, seen)
        cutIn(window.Overlay.overlay, window, false, found, seen)
        verify(seen.texts > 3, what + ": only " + seen.texts + " texts walked")
        compare(found.length, 0, what + ": " + found.join("; "))
    }

    function test_every_screen_data() {
        const rows = []
        for (const lang of ["en", "fr", "es"]) {
            for (const screen of ["setup", "unlock", "calls", "call", "drafts", "outbox", "settings", "editor", "review", "export"]) {
                rows.push({tag: screen + " " + lang + " open", screen: screen, lang: lang, closed: false})
                if (["calls", "call", "drafts", "outbox", "editor", "review"].indexOf(screen) >= 0)
                    rows.push({tag: screen + " " + lang + " closed", screen: screen, lang: lang, closed: true})
            }
        }
        return rows
    }

    function test_every_screen(data) {
        UiLanguage.code = data.lang
        if (data.closed)
            TestSupport.useBuiltinCatalog()
        else
            TestSupport.useOpenSeedCall()
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        const draft = data.screen === "outbox" ? root.sentId : root.draftId
        verify(window.showScreen(data.screen, draft), data.screen)
        if (data.screen === "export") {
            const button = findChild(window.contentItem, "exportButton")
            verify(button)
            button.clicked()
            // A popup is the review screen's QObject child, not an item under the window's.
            const dialog = findChild(findChild(window.contentItem, "reviewScreen"), "exportDialog")
            verify(dialog)
            tryCompare(dialog, "opened", true)
        }
        checkWindow(window, data.tag)
    }
}
