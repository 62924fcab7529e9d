import QtQuick
import QtQuick.Controls
import QtTest
import Amicus

// Every interactive item of every screen and dialog has an objectName (tests find items by it,
// never by their English label) and an Accessible.name (screen readers announce it).
TestCase {
    id: root

    name: "Accessibility"
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }

    // Controls are recognised by what they can do: the accessible role is only set while an
    // assistive technology is running, and instanceof does not see QML-defined control types.
    function isInteractive(item) {
        const button = "clicked" in item && "pressed" in item && "checkable" in item
        const editable = "cursorPosition" in item && "readOnly" in item && !item.readOnly
        const chooser = "currentIndex" in item && "popup" in item
        const ranged = "stepSize" in item && "value" in item
        return button || editable || chooser || ranged
    }

    // Adds the unnamed interactive items under `item` to `found`; `seen` (optional) counts the
    // interactive items walked, so a walk that misses what it means to check cannot pass.
    function unnamedIn(item, found, seen) {
        if (!item || !item.visible)
            return found
        if (isInteractive(item)) {
            if (seen)
                seen.count += 1
            if (item.objectName.length === 0 || item.Accessible.name.length === 0)
                found.push(item + " '" + (item.text || "") + "'")
            return found // a control's own parts (a SpinBox's text field...) are the control's
        }
        for (let i = 0; i < item.children.length; ++i)
            unnamedIn(item.children[i], found, seen)
        return found
    }

    function checkScreen(window, screenName) {
        verify(window.showScreen(screenName), "no screen " + screenName)
        waitForRendering(window.contentItem)
        const unnamed = unnamedIn(window.contentItem, [])
        unnamedIn(window.header, unnamed)
        compare(unnamed.length, 0, screenName + ": " + unnamed.join(", "))
    }

    function test_every_screen_names_its_controls_data() {
        return [{tag: "setup"}, {tag: "unlock"}, {tag: "calls"}, {tag: "call"}, {tag: "drafts"}, {tag: "settings"}]
    }

    function test_every_screen_names_its_controls(data) {
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        checkScreen(window, data.tag)
    }

    // Dialogs are popups: opened, their items live in the window's overlay, which the screen
    // walk above does not reach.
    function test_every_dialog_names_its_controls_data() {
        return [
            {tag: "changePassphrase", screen: "settings", screenObject: "settingsScreen",
             opener: "changePassphraseButton", dialog: "changePassphraseDialog", controls: 5},
            {tag: "erase", screen: "settings", screenObject: "settingsScreen",
             opener: "eraseEverythingButton", dialog: "eraseDialog", controls: 2}
        ]
    }

    function test_every_dialog_names_its_controls(data) {
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        verify(window.showScreen(data.screen), "no screen " + data.screen)
        waitForRendering(window.contentItem)
        const screen = findChild(window.contentItem, data.screenObject)
        verify(screen, data.screenObject)
        const dialog = findChild(screen, data.dialog)
        verify(dialog, data.dialog)
        mouseClick(findChild(screen, data.opener))
        tryCompare(dialog, "opened", true)
        const seen = {count: 0}
        const unnamed = unnamedIn(window.Overlay.overlay, [], seen)
        compare(unnamed.length, 0, data.dialog + ": " + unnamed.join(", "))
        compare(seen.count, data.controls, data.dialog + ": interactive items walked")
        dialog.close()
        tryCompare(dialog, "visible", false)
    }
}
