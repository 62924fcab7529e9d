import QtQuick
import QtQuick.Controls
import QtTest
import Amicus

// The calls screens show the built-in seed call, in the UI language.
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

    function cleanup() {
        UiLanguage.code = "en"
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
}
