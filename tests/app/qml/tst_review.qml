import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Amicus
import AmicusTest

// The review screen on a real vault: above the buttons, what will be sent — the call and who
// reads it, who sends it, the publication choice as the secretariat applies it, each answer's
// words against the call's limit (counted as the editor counts), the files and the bytes that
// will really travel (a photo's smaller copy), how it will leave — and, in French and Spanish
// on a 360 px phone, no text cut off.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"
    // Ten words as the limit counts them: the narrow no-break space French puts before ":"
    // separates words too (a count on ASCII spaces only would say nine).
    readonly property string shortAnswer: "Oui\u202F: la police de proximité a réduit les plaintes"
    property bool photoSaved: false

    name: "Review"
    width: 360
    height: 640
    visible: true
    when: windowShown

    Component {
        id: reviewComponent

        ReviewScreen {
            width: 360
            height: 640
        }
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    Component {
        id: callComponent

        CallDetails {}
    }

    // Something to photograph: two colours, so the picture is not empty.
    Rectangle {
        id: subject

        width: 240
        height: 180
        color: "darkgreen"

        Rectangle {
            width: 120
            height: 180
            color: "orange"
        }
    }

    function init() {
        UiLanguage.code = "en"
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
        // Not one warning (a binding loop, a type error) from here to the end of each test.
        failOnWarning(/.*/)
    }

    function cleanup() {
        UiLanguage.code = "en"
        AppSettings.sendingPolicy = AppSettings.AnyNetwork
    }

    // A 2400x1800 JPEG of `subject`; returns its URL.
    function writePhoto() {
        const scratch = TestSupport.writeFile("scratch.bin", 1).toString()
        const url = scratch.substring(0, scratch.lastIndexOf("/")) + "/IMG_0042.jpg"
        root.photoSaved = false
        verify(subject.grabToImage(function (result) {
            root.photoSaved = result.saveToFile(url.replace("file://", ""))
        }, Qt.size(2400, 1800)))
        tryCompare(root, "photoSaved", true, 5000)
        return url
    }

    // A draft with two answers (the second one word over the call's limit), a photo sent as its
    // smaller copy, and the publication choice `consent`. Returns {draftId, editor}.
    function makeDraft(consent) {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "fr")
        verify(draftId >= 0)
        editor.organization = "Collectif Horizon"
        editor.country = "Sénégal"
        editor.consent = consent
        const call = createTemporaryObject(callComponent, root, {callId: root.callId})
        const questions = call.questions
        verify(questions.length >= 3)
        compare(editor.wordsPerAnswer, 2500)
        editor.setAnswer(questions[0].id, root.shortAnswer)
        editor.setAnswer(questions[1].id, Array(2502).join("mot "))
        verify(editor.addAttachment(writePhoto()))
        editor.setSendSmallerCopy(editor.attachments[0].id, true)
        tryVerify(function () {
            return editor.attachments.length === 1 && editor.attachments[0].sendsSmaller
        }, 20000)
        compare(editor.saveState, DraftEditor.Saved)
        return {draftId: draftId, editor: editor}
    }

    function fact(screen, name) {
        const item = findChild(screen, name)
        verify(item, name)
        verify(item.visible, name + " is shown")
        return item.value
    }

    function controlsWithoutNames(item, found) {
        if (!item || !item.visible)
            return found
        const button = "clicked" in item && "pressed" in item && "checkable" in item
        const editable = "cursorPosition" in item && "readOnly" in item && !item.readOnly
        if (button || editable) {
            if (item.objectName.length === 0 || item.Accessible.name.length === 0)
                found.push(item + " '" + (item.text || "") + "'")
            return found
        }
        for (let i = 0; i < item.children.length; ++i)
            controlsWithoutNames(item.children[i], found)
        return found
    }

    // Texts cut off: elided without being meant to (no line limit), wider than their box (a
    // line or word that does not wrap), or a box reaching past the screen's right edge.
    function clippedTexts(screen, item, found) {
        if (!item || !item.visible)
            return found
        if ("truncated" in item && "wrapMode" in item && item.text.length > 0) {
            const limited = item.maximumLineCount < 1000
            if (item.truncated && !limited)
                found.push("elided: " + item.text)
            if (item.contentWidth > item.width + 0.5)
                found.push("wider than its box (" + Math.round(item.contentWidth) + " > "
                           + Math.round(item.width) + " px): " + item.text)
            const right = item.mapToItem(screen, item.width, 0).x
            if (right > screen.width + 0.5)
                found.push("past the edge (" + Math.round(right) + " px): " + item.text)
        }
        for (let i = 0; i < item.children.length; ++i)
            clippedTexts(screen, item.children[i], found)
        return found
    }

    function test_summary_shows_what_will_be_sent_data() {
        return [{tag: "anonymous", consent: DraftEditor.Anonymous, consentWords: "without your organization"},
                {tag: "public", consent: DraftEditor.Public, consentWords: "with your organization"},
                {tag: "confidential", consent: DraftEditor.Confidential, consentWords: "will not be published"}]
    }

    function test_summary_shows_what_will_be_sent(data) {
        const draft = makeDraft(data.consent)
        const photo = draft.editor.attachments[0]
        verify(photo.smallerSize > 0 && photo.smallerSize < photo.size)
        const screen = createTemporaryObject(reviewComponent, root, {draftId: draft.draftId})
        verify(screen)

        // The one problem, exactly: question 2 is a word over the limit; nothing else.
        compare(findChild(screen, "reviewIssues").count, 1)
        compare(findChild(screen, "reviewIssues").itemAt(0).text,
                "• The answer to question 2 has 2,501 words; the call accepts 2,500.")
        verify(!findChild(screen, "sendButton").enabled)

        verify(fact(screen, "reviewCall").indexOf("Reimagining policing") === 0)
        compare(fact(screen, "reviewReader"),
                "Expert Mechanism to Advance Racial Justice and Equality in Law Enforcement")
        compare(fact(screen, "reviewSender"), "Collectif Horizon")
        compare(fact(screen, "reviewCountry"), "Sénégal")
        const consent = fact(screen, "reviewConsent")
        verify(consent.indexOf(data.consentWords) >= 0, consent)
        for (const other of test_summary_shows_what_will_be_sent_data()) {
            if (other.tag !== data.tag)
                verify(consent.indexOf(other.consentWords) < 0, consent)
        }

        // The editor's count and the review's are one count.
        compare(draft.editor.countWords(root.shortAnswer), 10)
        compare(findChild(screen, "reviewAnswerWords_0").text, "10 of 2,500 words")
        compare(findChild(screen, "reviewAnswerWords_1").text, "2,501 words: too long, the call accepts 2,500")
        compare(String(findChild(screen, "reviewAnswerWords_1").color), String(Material.color(Material.Red)))
        compare(findChild(screen, "reviewAnswerWords_2").text, "Not answered")

        // What travels is the smaller copy, in the size the editor showed for it.
        compare(fact(screen, "reviewAttachments"), "1 file, " + UiLanguage.dataSize(photo.smallerSize) + " to send")
        verify(UiLanguage.dataSize(photo.smallerSize) !== UiLanguage.dataSize(photo.size))
        compare(findChild(screen, "reviewSmallerCopies").text, "1 photo sent as a smaller copy")

        verify(fact(screen, "reviewSending").indexOf("first network") >= 0)
        AppSettings.sendingPolicy = AppSettings.Manual
        verify(fact(screen, "reviewSending").indexOf("Send now") >= 0)
        AppSettings.sendingPolicy = AppSettings.UnmeteredOnly
        verify(fact(screen, "reviewSending").indexOf("Wi-Fi") >= 0)

        compare(controlsWithoutNames(screen, []).length, 0)
    }

    function test_an_empty_draft_says_what_is_missing() {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "en")
        verify(draftId >= 0)
        const screen = createTemporaryObject(reviewComponent, root, {draftId: draftId})
        // Organization, country, publication choice, an answer.
        compare(findChild(screen, "reviewIssues").count, 4)
        compare(fact(screen, "reviewSender"), "Organization or name not given")
        compare(fact(screen, "reviewCountry"), "Not given")
        compare(fact(screen, "reviewConsent"), "Not chosen yet.")
        compare(fact(screen, "reviewAttachments"), "None")
        verify(!findChild(screen, "reviewSmallerCopies").visible)
        for (let i = 0; i < 4; ++i)
            compare(findChild(screen, "reviewAnswerWords_" + i).text, "Not answered")
        verify(!findChild(screen, "sendButton").enabled)
    }

    function test_fixed_draft_can_be_sent_and_the_summary_follows() {
        const draft = makeDraft(DraftEditor.Public)
        const screen = createTemporaryObject(reviewComponent, root, {draftId: draft.draftId})
        compare(findChild(screen, "reviewIssues").count, 1)
        const call = createTemporaryObject(callComponent, root, {callId: root.callId})
        draft.editor.setAnswer(call.questions[1].id, "")
        draft.editor.setSendSmallerCopy(draft.editor.attachments[0].id, false)
        tryVerify(function () { return !draft.editor.attachments[0].sendsSmaller }, 5000)
        // What the screen does when the user comes back to it from the editor.
        findChild(screen, "submissionReview").refresh()
        compare(findChild(screen, "reviewIssues").count, 0)
        verify(findChild(screen, "sendButton").enabled)
        compare(findChild(screen, "reviewAnswerWords_1").text, "Not answered")
        compare(fact(screen, "reviewAttachments"),
                "1 file, " + UiLanguage.dataSize(draft.editor.attachments[0].size) + " to send")
        verify(!findChild(screen, "reviewSmallerCopies").visible)
    }

    function test_nothing_is_cut_off_on_a_phone_data() {
        return [{tag: "fr", words: "mots"}, {tag: "es", words: "palabras"}, {tag: "en", words: "words"}]
    }

    function test_nothing_is_cut_off_on_a_phone(data) {
        const draft = makeDraft(DraftEditor.Anonymous)
        UiLanguage.code = data.tag
        const screen = createTemporaryObject(reviewComponent, root, {draftId: draft.draftId})
        verify(findChild(screen, "reviewAnswerWords_0").text.indexOf(data.words) >= 0)
        const scroller = findChild(screen, "reviewScroll")
        verify(scroller)
        const flickable = scroller.contentItem
        // Every part of the summary, scrolled into view in turn.
        const found = []
        for (let y = 0; ; y += flickable.height / 2) {
            flickable.contentY = Math.min(y, Math.max(0, flickable.contentHeight - flickable.height))
            waitForRendering(screen, 1000)
            clippedTexts(screen, screen, found)
            if (flickable.atYEnd || flickable.contentHeight <= flickable.height)
                break
        }
        compare(found.length, 0, found.join("\n"))
        // The summary is longer than a phone's screen: it scrolls, the buttons stay.
        verify(flickable.contentHeight > flickable.height)
        verify(findChild(screen, "reviewScrollEdge").visible)
        const send = findChild(screen, "sendButton")
        verify(send.mapToItem(screen, 0, send.height).y <= screen.height)
    }
}
