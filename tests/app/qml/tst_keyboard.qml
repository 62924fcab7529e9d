import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The on-screen keyboard never hides the field being typed in: on a 360×640 phone, when the
// keyboard comes up (simulated: the desktop has none, so the screen's keyboardHeight is set as
// Qt.inputMethod.keyboardRectangle would set it), the editor scrolls the focused answer and its
// word count above it.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"
    // A phone keyboard at 360×640, with its row of suggestions.
    readonly property real keyboardHeight: 280

    name: "Keyboard"
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

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function openEditor() {
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "en")
        verify(draftId >= 0)
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: draftId})
        const answers = findChild(screen, "answers")
        tryVerify(() => answers.count >= 2, 5000, "the call's questions")
        waitForRendering(screen)
        return screen
    }

    // The answer block `index` (its id), its field and its word count.
    function answerAt(screen, index) {
        const id = findChild(screen, "answers").itemAt(index).modelData.id
        return {field: findChild(screen, "answer_" + id), count: findChild(screen, "wordCount_" + id)}
    }

    // Top and bottom of `item` in the window.
    function spanOf(item) {
        const top = item.mapToItem(null, 0, 0).y
        return {top: top, bottom: top + item.height}
    }

    // The band of the window the page shows its content in: under the save line, above the
    // keyboard, and above the footer ("Review and send") while no keyboard covers it.
    function visibleBand(screen) {
        const footerTop = screen.footer && screen.footer.visible ? spanOf(screen.footer).top : root.height
        return {top: spanOf(screen.header).bottom,
                bottom: Math.min(root.height - screen.keyboardHeight, footerTop)}
    }

    function inView(screen, answer) {
        const band = visibleBand(screen)
        const field = spanOf(answer.field)
        const count = spanOf(answer.count)
        return field.top >= band.top - 0.5 && count.bottom <= band.bottom + 0.5
    }

    function test_focused_answer_below_the_fold_comes_above_the_keyboard() {
        const screen = openEditor()
        const answer = answerAt(screen, findChild(screen, "answers").count - 1)
        verify(!inView(screen, answer), "the last answer starts out of view (else this proves nothing)")

        answer.field.forceActiveFocus()
        screen.keyboardHeight = root.keyboardHeight
        tryVerify(() => inView(screen, answer), 2000,
                  "the focused answer and its word count above the keyboard")
    }

    function test_keyboard_coming_up_under_a_visible_answer_scrolls_it_up() {
        const screen = openEditor()
        const answer = answerAt(screen, 0)
        answer.field.forceActiveFocus()
        tryVerify(() => inView(screen, answer), 2000, "in view without a keyboard")
        // The answer at the foot of the page, where the keyboard will come.
        const flick = findChild(screen, "editorFlickable")
        verify(flick, "the editor's flickable")
        const countBottom = answer.count.mapToItem(flick.contentItem, 0, answer.count.height).y
        flick.contentY = Math.max(0, countBottom + 8 - flick.height)
        verify(spanOf(answer.count).bottom > root.height - root.keyboardHeight,
               "the word count is where the keyboard comes")

        screen.keyboardHeight = root.keyboardHeight
        tryVerify(() => inView(screen, answer), 2000, "scrolled up above the keyboard")

        // The keyboard goes: the whole page is the screen's again.
        screen.keyboardHeight = 0
        tryCompare(flick, "height", visibleBand(screen).bottom - visibleBand(screen).top, 2000)
    }

    function test_lines_typed_at_the_bottom_stay_above_the_keyboard() {
        const screen = openEditor()
        const answer = answerAt(screen, 0)
        answer.field.forceActiveFocus()
        screen.keyboardHeight = root.keyboardHeight
        tryVerify(() => inView(screen, answer), 2000)
        for (let line = 0; line < 6; ++line) {
            keyClick("w")
            keyClick(Qt.Key_Return)
        }
        keyClick("w")
        const cursorInView = () => {
            const cursor = answer.field.cursorRectangle
            const bottom = answer.field.mapToItem(null, 0, cursor.y + cursor.height).y
            return bottom <= visibleBand(screen).bottom + 0.5
                    && bottom - cursor.height >= visibleBand(screen).top - 0.5
        }
        tryVerify(cursorInView, 2000, "the line being typed above the keyboard")
        tryVerify(() => inView(screen, answer), 2000, "and the word count with it")
        compare(answer.count.text, "7 of 2,500 words")
    }
}
