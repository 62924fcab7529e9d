import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The calls screens show the built-in seed call as published (closed, inputs published), in
// the UI language; a practice copy of it shows an open call with its deadline, or a late one.
// (The other test cases work on an open copy of the seed call: TestSupport.useOpenSeedCall.)
TestCase {
    id: root

    name: "CallsScreens"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: callsComponent

        CallsScreen {
            width: 412
            height: 780
        }
    }

    Component {
        id: callComponent

        CallScreen {
            width: 412
            height: 780
        }
    }

    Component {
        id: detailsComponent

        CallDetails {}
    }

    SignalSpy {
        id: chosenSpy

        signalName: "callChosen"
    }

    function init() {
        TestSupport.useBuiltinCatalog()
    }

    function cleanup() {
        TestSupport.releaseOpenedUrls()
        UiLanguage.code = "en"
        TestSupport.useOpenSeedCall()
    }

    function test_list_shows_the_seed_call_and_opens_it() {
        const screen = createTemporaryObject(callsComponent, root)
        const list = findChild(screen, "callsList")
        verify(list)
        compare(list.count, 1)
        chosenSpy.target = screen
        chosenSpy.clear()
        const first = findChild(screen, "call_0")
        verify(first)
        verify(first.Accessible.name.indexOf("Reimagining policing") === 0)
        mouseClick(first)
        compare(chosenSpy.count, 1)
        compare(chosenSpy.signalArguments[0][0], "hrc54-emler-reimagining-policing")
    }

    function test_call_page_has_the_four_key_questions_in_each_language() {
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        const questions = findChild(screen, "callQuestions")
        compare(questions.count, 4)
        const title = findChild(screen, "callTitle")
        verify(title.text.indexOf("Reimagining policing") === 0)
        UiLanguage.code = "fr"
        verify(title.text.indexOf("Repenser le maintien de l’ordre") === 0)
        UiLanguage.code = "es"
        verify(title.text.indexOf("Reimaginar la actuación policial") === 0)
        verify(!findChild(screen, "callFallbackNotice").visible)
        const useOfInputs = findChild(screen, "callUseOfInputs")
        verify(useOfInputs.text.length > 40)
    }

    function test_an_unknown_call_is_reported_not_shown() {
        const details = createTemporaryObject(detailsComponent, root, {callId: "withdrawn-call"})
        verify(!details.found)
        compare(details.title, "")
        compare(details.questions.length, 0)
        details.callId = "hrc54-emler-reimagining-policing"
        verify(details.found)
        compare(details.wordsPerAnswer, 2500)
    }

    function test_a_closed_call_stays_readable_says_why_and_offers_no_sending() {
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        verify(!findChild(screen, "startDraftButton").visible)
        compare(findChild(screen, "callDeadline").text,
                "Closed: this call no longer takes submissions. You can still read it and export your drafts.")
        verify(findChild(screen, "callInputsPublished").visible)
        compare(findChild(screen, "callQuestions").count, 4)
        verify(findChild(screen, "callQuestionsIntro").text.indexOf("would welcome information") > 0)
        verify(findChild(screen, "callPage").visible)
        verify(findChild(screen, "callPage").url.indexOf("https://www.ohchr.org/en/calls-for-input/") === 0)
        verify(findChild(screen, "callContact").text.indexOf("ohchr-emler@un.org") > 0)
        compare(findChild(screen, "callWriteEmail").url, "mailto:ohchr-emler@un.org?subject=Report%202023")
        // The seed call states no limits: each one says it is Amicus's default.
        compare(findChild(screen, "callWordsLimit").text, "2,500 words per answer · Amicus default")
        compare(findChild(screen, "callFilesLimit").text, "Up to 10 files · Amicus default")
        // English is the official text; French is ours, with the official text one tap away.
        verify(!findChild(screen, "callUnofficialTranslation").visible)
        UiLanguage.code = "fr"
        verify(findChild(screen, "callUnofficialTranslation").visible)
        compare(findChild(screen, "callOfficialText").url, findChild(screen, "callPage").url)
        compare(findChild(screen, "callDeadline").text,
                "Clos : cet appel ne reçoit plus de contributions. Vous pouvez toujours le lire et exporter vos brouillons.")
        compare(findChild(screen, "callWordsLimit").text, "2 500 mots par réponse · valeur par défaut d’Amicus")
    }

    // Clicks a link once it is laid out inside the window (a row of links wraps rather than
    // running past the side); returns what the app handed the system browser.
    function openLink(button) {
        tryVerify(() => {
            const at = button.mapToItem(root, 0, 0)
            return button.visible && button.width > 0 && at.x >= 0 && at.y >= 0
                    && at.x + button.width <= root.width && at.y + button.height <= root.height
        })
        TestSupport.catchOpenedUrls()
        mouseClick(button)
        return TestSupport.openedUrls()
    }

    function test_official_documents_without_addresses_are_named_and_reached_through_the_page() {
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        const named = findChild(screen, "callDocumentsOnPage")
        verify(named.visible)
        compare(named.text, "Official documents: the call in Word (English, Français, Español), to download from the call's page.")
        compare(findChild(screen, "callDocuments").count, 0) // no address made up
        const page = findChild(screen, "callPage")
        const pageUrl = "https://www.ohchr.org/en/calls-for-input/2023/reimagining-policing-report-international-independent-expert-mechanism-advance"
        compare(page.url, pageUrl)
        compare(openLink(page), [pageUrl])
        UiLanguage.code = "fr"
        compare(named.text, "Documents officiels\u00a0: l’appel en Word (English, Français, Español), à télécharger depuis la page de l’appel.")
        // The catalog has no French page: the English one, also behind "Official text".
        compare(openLink(findChild(screen, "callOfficialText")), [pageUrl])
        UiLanguage.code = "es"
        compare(named.text, "Documentos oficiales: la convocatoria en Word (English, Français, Español), para descargar desde la página de la convocatoria.")
        compare(openLink(page), [pageUrl])
    }

    function test_listed_documents_each_open_in_the_system_browser() {
        TestSupport.useSeedCallWithDocuments()
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        verify(!findChild(screen, "callDocumentsOnPage").visible)
        const documents = findChild(screen, "callDocuments")
        compare(documents.count, 3)
        const labels = ["English (Word)", "Français (Word)", "Español (Word)"]
        const codes = ["en", "fr", "es"]
        for (let i = 0; i < 3; ++i) {
            const button = documents.itemAt(i)
            compare(button.text, labels[i])
            compare(button.Accessible.name, labels[i])
            compare(openLink(button), ["https://docs.example.org/call-" + codes[i] + ".docx"])
        }
        // In French, our translation's "Official text" is the French document, and the call's
        // page is its French page; Spanish has none, so the English one.
        const page = findChild(screen, "callPage")
        const englishPage = page.url
        UiLanguage.code = "fr"
        compare(openLink(findChild(screen, "callOfficialText")), ["https://docs.example.org/call-fr.docx"])
        compare(openLink(page), ["https://docs.example.org/fr/call"])
        UiLanguage.code = "es"
        compare(openLink(page), [englishPage])
        verify(englishPage.indexOf("https://www.ohchr.org/en/") === 0, englishPage)
    }

    function test_the_background_is_folded_until_opened() {
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        const background = findChild(screen, "callBackgroundText")
        const toggle = findChild(screen, "callBackgroundToggle")
        verify(background.text.indexOf("resolution 47/21") > 0)
        verify(background.truncated)
        verify(toggle.visible)
        const folded = background.height
        mouseClick(toggle)
        tryVerify(() => !background.truncated)
        tryVerify(() => background.height > folded * 2)
        compare(toggle.text, "Show less")
    }

    function test_an_open_call_shows_its_deadline_and_days_left() {
        TestSupport.usePracticeCatalog(28)
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        const button = findChild(screen, "startDraftButton")
        verify(button.visible)
        verify(findChild(screen, "callTitle").text.indexOf("Practice call – ") === 0)
        const deadline = findChild(screen, "callDeadline").text
        verify(deadline.indexOf("Deadline: ") === 0, deadline)
        verify(deadline.indexOf(" · 28 days left") > 0, deadline)
        verify(!findChild(screen, "callContact").visible)
        // Within reach on a 360 px wide phone: above the first key question.
        screen.width = 360
        const firstQuestion = findChild(screen, "callQuestionsIntro")
        verify(button.mapToItem(screen, 0, button.height).y < firstQuestion.mapToItem(screen, 0, 0).y)
        verify(button.mapToItem(screen, 0, button.height).y < screen.height)
        UiLanguage.code = "es"
        verify(findChild(screen, "callDeadline").text.indexOf(" · quedan 28 días") > 0)
    }

    // An open call whose catalog states no deadline says so and points to the page, in each
    // language, and still offers to write.
    function test_an_open_call_without_a_deadline_says_it_is_not_stated() {
        TestSupport.useOpenSeedCall()
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        const deadline = findChild(screen, "callDeadline")
        compare(deadline.text, "Deadline not stated — see the call's page")
        verify(findChild(screen, "startDraftButton").visible)
        verify(findChild(screen, "callPage").visible)
        UiLanguage.code = "fr"
        compare(deadline.text, "Date limite non indiquée — voir la page de l’appel")
        UiLanguage.code = "es"
        compare(deadline.text, "Plazo no indicado — ver la página de la convocatoria")
    }

    function test_after_the_deadline_it_still_sends_and_says_late() {
        TestSupport.usePracticeCatalog(-2)
        const screen = createTemporaryObject(callComponent, root, {callId: "hrc54-emler-reimagining-policing"})
        verify(findChild(screen, "startDraftButton").visible)
        verify(findChild(screen, "callDeadline").text.indexOf("will arrive late") > 0)
    }
}
