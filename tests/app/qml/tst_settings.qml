import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Settings on a real vault: the screen ticks the stored language and the stored sending policy,
// the passphrase changes (from the dialog too), and erasing everything brings back the
// first-run set-up with nothing left to unlock.
TestCase {
    id: root

    name: "Settings"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: editorComponent

        DraftEditor {}
    }

    Component {
        id: screenComponent

        SettingsScreen {
            width: 360
            height: 640
        }
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("first passphrase words", "first passphrase words")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function cleanup() {
        UiLanguage.code = "en"
        AppSettings.sendingPolicy = AppSettings.AnyNetwork
    }

    function typeInto(field, text) {
        field.forceActiveFocus()
        field.selectAll()
        keySequence("Backspace")
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    // About names Amicus's own licence, in the user's language, above the libraries' (shown
    // only with the technical details).
    function test_about_names_the_apps_licence_first() {
        const screen = createTemporaryObject(screenComponent, root)
        const licence = findChild(screen, "aboutLicence")
        verify(licence && licence.visible)
        compare(licence.text, "Amicus is free software under the Apache License, version 2.0.")
        const toggle = findChild(screen, "aboutDetailsToggle")
        verify(licence.y < toggle.y, "before the technical details")
        UiLanguage.code = "fr"
        compare(licence.text, "Amicus est un logiciel libre, sous la licence Apache, version 2.0.")
    }

    function openDialog(screen, buttonName, dialogName) {
        const dialog = findChild(screen, dialogName)
        verify(dialog, dialogName)
        mouseClick(findChild(screen, buttonName))
        tryCompare(dialog, "opened", true)
        return dialog
    }

    // What the screen shows, not only what the view model holds: the two choices used to be
    // one exclusive set of radio buttons, so only one of them could ever be ticked.
    function test_stored_language_and_policy_are_both_ticked() {
        UiLanguage.code = "en"
        AppSettings.sendingPolicy = AppSettings.Manual
        const screen = createTemporaryObject(screenComponent, root)
        waitForRendering(screen)
        const english = findChild(screen, "settingsLanguage_en")
        const french = findChild(screen, "settingsLanguage_fr")
        const spanish = findChild(screen, "settingsLanguage_es")
        const anyNetwork = findChild(screen, "policyAnyNetwork")
        const unmetered = findChild(screen, "policyUnmeteredOnly")
        const manual = findChild(screen, "policyManual")
        verify(english.checked, "the stored language is not ticked")
        verify(manual.checked, "the stored policy is not ticked")
        verify(!french.checked && !spanish.checked && !anyNetwork.checked && !unmetered.checked)

        // Ticking a policy stores it and leaves the language ticked.
        mouseClick(unmetered)
        compare(AppSettings.sendingPolicy, AppSettings.UnmeteredOnly)
        verify(unmetered.checked)
        verify(!manual.checked)
        verify(english.checked, "ticking a policy unticked the language")

        // Ticking a language switches it and leaves the policy ticked.
        mouseClick(french)
        compare(UiLanguage.code, "fr")
        verify(french.checked)
        verify(!english.checked)
        verify(unmetered.checked, "ticking a language unticked the policy")

        // A change from elsewhere (the view model) moves the ticks in both groups.
        AppSettings.sendingPolicy = AppSettings.AnyNetwork
        UiLanguage.code = "es"
        verify(anyNetwork.checked && !unmetered.checked && !manual.checked)
        verify(spanish.checked && !french.checked && !english.checked)
    }

    function test_policy_shown_by_a_new_screen_is_the_stored_one_data() {
        return [{tag: "any", policy: AppSettings.AnyNetwork, name: "policyAnyNetwork"},
                {tag: "unmetered", policy: AppSettings.UnmeteredOnly, name: "policyUnmeteredOnly"},
                {tag: "manual", policy: AppSettings.Manual, name: "policyManual"}]
    }

    function test_policy_shown_by_a_new_screen_is_the_stored_one(data) {
        AppSettings.sendingPolicy = data.policy
        const screen = createTemporaryObject(screenComponent, root)
        waitForRendering(screen)
        for (const name of ["policyAnyNetwork", "policyUnmeteredOnly", "policyManual"])
            compare(findChild(screen, name).checked, name === data.name, name)
        verify(findChild(screen, "settingsLanguage_" + UiLanguage.code).checked)
    }

    function test_dialog_buttons_are_ours_and_follow_the_language() {
        const screen = createTemporaryObject(screenComponent, root)
        waitForRendering(screen)
        const dialog = openDialog(screen, "changePassphraseButton", "changePassphraseDialog")
        const change = findChild(dialog.footer, "confirmChangePassphrase")
        verify(change)
        verify(findChild(dialog.footer, "cancelChangePassphrase"))
        compare(change.text, "Change passphrase")
        UiLanguage.code = "fr"
        compare(change.text, "Changer de phrase secrète")
        // Both buttons inside the dialog, one beside or under the other: none cut off (once the
        // longer French texts are laid out again).
        for (const name of ["confirmChangePassphrase", "cancelChangePassphrase"]) {
            const button = findChild(dialog.footer, name)
            tryVerify(() => {
                const topLeft = button.mapToItem(dialog.contentItem.parent, 0, 0)
                return topLeft.x >= 0 && topLeft.x + button.width <= dialog.width
            }, 2000, name + " sticks out of the dialog")
            verify(button.width >= button.implicitWidth, name + " is squeezed")
        }
        // The confirmation's French name wraps above its field instead of being cut in it.
        const label = findChild(dialog.contentItem, "confirmPassphraseLabel")
        compare(label.text, "Nouvelle phrase secrète (confirmation)")
        verify(label.width <= dialog.availableWidth)
        verify(label.implicitWidth <= label.width || label.lineCount > 1)
        dialog.close()
        tryCompare(dialog, "visible", false)

        const erase = openDialog(screen, "eraseEverythingButton", "eraseDialog")
        verify(findChild(erase.footer, "confirmErase"))
        mouseClick(findChild(erase.footer, "cancelErase"))
        tryCompare(erase, "visible", false)
        compare(Session.state, Session.Unlocked) // cancelling erased nothing
    }

    function test_passphrase_changes_from_the_dialog_with_enter() {
        const screen = createTemporaryObject(screenComponent, root)
        waitForRendering(screen)
        const dialog = openDialog(screen, "changePassphraseButton", "changePassphraseDialog")
        typeInto(findChild(dialog.contentItem, "currentPassphrase"), "first passphrase words")
        typeInto(findChild(dialog.contentItem, "newPassphrase"), "third passphrase words")
        typeInto(findChild(dialog.contentItem, "confirmPassphrase"), "third passphrase words")
        keyClick(Qt.Key_Return)
        tryCompare(AppSettings, "busy", false, 10000)
        compare(AppSettings.problem, Problem.None)
        tryCompare(dialog, "visible", false) // closed once changed

        Session.lock()
        Session.unlock("third passphrase words")
        tryCompare(Session, "busy", false, 10000)
        compare(Session.state, Session.Unlocked)
    }

    function test_erase_from_the_dialog() {
        const screen = createTemporaryObject(screenComponent, root)
        waitForRendering(screen)
        const dialog = openDialog(screen, "eraseEverythingButton", "eraseDialog")
        mouseClick(findChild(dialog.footer, "confirmErase"))
        compare(Session.state, Session.Setup)
        compare(TestSupport.filesContaining("vault"), [])
    }

    function test_sending_policy_is_kept() {
        AppSettings.sendingPolicy = AppSettings.Manual
        compare(AppSettings.sendingPolicy, AppSettings.Manual)
        AppSettings.sendingPolicy = AppSettings.UnmeteredOnly
        compare(AppSettings.sendingPolicy, AppSettings.UnmeteredOnly)
        AppSettings.sendingPolicy = AppSettings.AnyNetwork
    }

    function test_passphrase_change_needs_the_current_one() {
        AppSettings.changePassphrase("first passphrase words", "short", "short")
        compare(AppSettings.problem, Problem.PassphraseTooShort)
        AppSettings.changePassphrase("not the right one at all", "second passphrase words", "second passphrase words")
        tryCompare(AppSettings, "busy", false, 10000)
        compare(AppSettings.problem, Problem.WrongPassphrase)
        wait(1200) // the vault slows down the attempt after a wrong one
        AppSettings.changePassphrase("first passphrase words", "second passphrase words", "second passphrase words")
        tryCompare(AppSettings, "busy", false, 10000)
        compare(AppSettings.problem, Problem.None)

        Session.lock()
        Session.unlock("first passphrase words")
        tryCompare(Session, "busy", false, 10000)
        compare(Session.problem, Problem.WrongPassphrase)
        wait(1200)
        Session.unlock("second passphrase words")
        tryCompare(Session, "busy", false, 10000)
        compare(Session.state, Session.Unlocked)
    }

    function test_erase_everything_leaves_nothing_to_unlock() {
        const editor = createTemporaryObject(editorComponent, root)
        verify(editor.createDraft("hrc54-emler-reimagining-policing", "en") >= 0)
        editor.organization = "Erased Org"
        AppSettings.eraseEverything()
        compare(AppSettings.problem, Problem.None)
        compare(Session.state, Session.Setup)
        compare(TestSupport.filesContaining("vault"), [])
        // A new vault in the same place starts empty.
        Session.create("another passphrase here", "another passphrase here")
        tryCompare(Session, "state", Session.Unlocked, 10000)
        const drafts = createTemporaryObject(draftsComponent, root)
        compare(drafts.count, 0)
    }

    Component {
        id: draftsComponent

        DraftsListModel {}
    }
}
