import QtQuick
import QtQuick.Controls
import QtTest
import Qt.labs.settings
import Amicus
import AmicusTest

// First-run set-up as a user goes through it: Enter in the confirmation creates the vault, and
// the language shown is remembered for the next start even when the user did not touch it.
TestCase {
    id: root

    name: "Setup"
    width: 360
    height: 640
    visible: true
    when: windowShown

    Component {
        id: setupComponent

        SetupScreen {
            width: 360
            height: 640
        }
    }

    // The stored settings, read and written as the app's own QSettings (same file, same process).
    Settings {
        id: stored

        category: "ui"
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        compare(Session.state, Session.Setup)
    }

    function cleanup() {
        UiLanguage.code = "en"
    }

    function typeInto(field, text) {
        field.forceActiveFocus()
        field.selectAll()
        keySequence("Backspace")
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function toPassphraseStep(setup) {
        waitForRendering(setup)
        mouseClick(findChild(setup, "setupLanguageNext"))
        waitForRendering(setup)
        mouseClick(findChild(setup, "setupPrivacyNext"))
        waitForRendering(setup)
        compare(findChild(setup, "setupSteps").currentIndex, 2)
    }

    function test_enter_in_the_confirmation_creates_the_vault() {
        const setup = createTemporaryObject(setupComponent, root)
        toPassphraseStep(setup)
        const passphrase = findChild(setup, "setupPassphrase")
        const confirmation = findChild(setup, "setupConfirmation")

        // Enter in the first field goes on to the confirmation.
        typeInto(passphrase, "amber kettle violin harbour")
        keyClick(Qt.Key_Return)
        verify(confirmation.activeFocus)

        // A confirmation that differs: Enter tries, and says why not.
        typeInto(confirmation, "amber kettle violin harbor")
        keyClick(Qt.Key_Return)
        compare(Session.problem, Problem.PassphrasesDiffer)
        compare(Session.state, Session.Setup)

        typeInto(confirmation, "amber kettle violin harbour")
        keyClick(Qt.Key_Enter) // the keypad's Enter too
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.None)
        compare(Session.state, Session.Unlocked)
    }

    function test_the_language_shown_is_remembered_data() {
        return [{tag: "en", code: "en"}, {tag: "fr", code: "fr"}, {tag: "es", code: "es"}]
    }

    // Set-up preselects a language (the system's); accepting it without a click must be kept,
    // or the next start may come up in another language.
    function test_the_language_shown_is_remembered(data) {
        UiLanguage.code = data.code
        stored.setValue("language", "") // as on a first run: nothing chosen yet
        compare(stored.value("language", ""), "")

        const setup = createTemporaryObject(setupComponent, root)
        verify(findChild(setup, "setupLanguage_" + data.code).checked)
        toPassphraseStep(setup)
        typeInto(findChild(setup, "setupPassphrase"), "amber kettle violin harbour")
        typeInto(findChild(setup, "setupConfirmation"), "amber kettle violin harbour")
        mouseClick(findChild(setup, "setupCreate"))
        tryCompare(Session, "busy", false, 10000)
        compare(Session.state, Session.Unlocked)
        compare(stored.value("language", ""), data.code)
    }
}
