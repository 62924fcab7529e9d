import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// First run and unlock against a real vault in a temporary data directory.
TestCase {
    id: root

    name: "Session"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: setupComponent

        SetupScreen {
            width: 412
            height: 780
        }
    }

    Component {
        id: unlockComponent

        UnlockScreen {
            width: 412
            height: 780
        }
    }

    function typeInto(field, text) {
        field.forceActiveFocus()
        field.selectAll()
        keySequence("Backspace")
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_first_run_then_lock_and_unlock() {
        TestSupport.useFreshDataDirectory()
        compare(Session.state, Session.Setup)
        const setup = createTemporaryObject(setupComponent, root)
        const steps = findChild(setup, "setupSteps")
        mouseClick(findChild(setup, "setupLanguageNext"))
        compare(steps.currentIndex, 1)
        mouseClick(findChild(setup, "setupPrivacyNext"))
        compare(steps.currentIndex, 2)
        verify(findChild(setup, "setupWarning").visible)

        const passphrase = findChild(setup, "setupPassphrase")
        const confirmation = findChild(setup, "setupConfirmation")
        const create = findChild(setup, "setupCreate")
        const problem = findChild(setup, "setupProblem")

        waitForItemPolished(confirmation.parent)
        const confirmationY = confirmation.y
        typeInto(passphrase, "short")
        compare(findChild(setup, "setupStrength").text, "Too short")
        // The strength hint appears without pushing the next field down under the finger.
        waitForItemPolished(confirmation.parent)
        compare(confirmation.y, confirmationY)
        mouseClick(create)
        compare(Session.problem, Problem.PassphraseTooShort)
        verify(problem.visible)
        compare(Session.state, Session.Setup)

        typeInto(passphrase, "river lantern copper mango")
        typeInto(confirmation, "river lantern copper mangoes")
        mouseClick(create)
        compare(Session.problem, Problem.PassphrasesDiffer)
        compare(Session.state, Session.Setup)

        typeInto(confirmation, "river lantern copper mango")
        mouseClick(create)
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.None)
        compare(Session.state, Session.Unlocked)
        verify(!problem.visible)

        Session.lock()
        compare(Session.state, Session.Locked)

        const unlock = createTemporaryObject(unlockComponent, root)
        const field = findChild(unlock, "unlockPassphrase")
        const button = findChild(unlock, "unlockButton")
        typeInto(field, "river lantern copper melon")
        mouseClick(button)
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.WrongPassphrase)
        compare(Session.state, Session.Locked)
        compare(field.text, "") // the passphrase does not linger in the field

        // Straight after a failure the next attempt has to wait, even with the right passphrase.
        typeInto(field, "river lantern copper mango")
        mouseClick(button)
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.RateLimited)
        compare(Session.state, Session.Locked)

        wait(1200)
        typeInto(field, "river lantern copper mango")
        mouseClick(button)
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.None)
        compare(Session.state, Session.Unlocked)
    }

    function cleanup() {
        TestSupport.useDesktopKeyStore()
    }

    // A phone's key store wraps the vault key (here the fake, which really encrypts). When the
    // phone loses that key the right passphrase cannot open the vault: the user is told why in
    // their words, no attempt is counted against them and not a file changes.
    function test_lost_device_key_is_said_and_loses_nothing() {
        TestSupport.useFreshDataDirectory()
        TestSupport.useFakeKeyStore()
        Session.create("river lantern copper mango", "river lantern copper mango")
        tryCompare(Session, "busy", false, 10000)
        compare(Session.state, Session.Unlocked)
        Session.lock()
        compare(Session.state, Session.Locked)

        const unlock = createTemporaryObject(unlockComponent, root)
        const field = findChild(unlock, "unlockPassphrase")
        const button = findChild(unlock, "unlockButton")
        // With the key store's key the vault opens as before.
        typeInto(field, "river lantern copper mango")
        mouseClick(button)
        tryCompare(Session, "busy", false, 10000)
        compare(Session.state, Session.Unlocked)
        Session.lock()

        verify(TestSupport.forgetKeyStoreKey())
        const before = TestSupport.dataDirectoryDigest()
        verify(before !== "")
        for (let attempt = 0; attempt < 2; ++attempt) {
            typeInto(field, "river lantern copper mango")
            mouseClick(button)
            tryCompare(Session, "busy", false, 10000)
            compare(Session.problem, Problem.KeyLost)
            compare(Session.state, Session.Locked)
        }
        const problem = findChild(unlock, "unlockProblem")
        verify(problem.visible)
        compare(problem.text, "This device no longer has the key that protects your data, so it cannot be opened here. Nothing was deleted.")
        compare(TestSupport.dataDirectoryDigest(), before)
    }

    function test_strength_hint_grows_with_the_passphrase() {
        verify(Session.strength("abc") === Session.TooShort)
        verify(Session.strength("aaaaaaaa") === Session.Weak)
        verify(Session.strength("correct horse battery staple") >= Session.Good)
        verify(Session.strength("Tr0ub4dor&3xyz!Q") >= Session.Good)
    }
}
