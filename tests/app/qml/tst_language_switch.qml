import QtQuick
import QtQuick.Controls
import QtTest
import Amicus

// The language selector switches every visible text at once.
TestCase {
    id: root

    name: "LanguageSwitch"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: unlockComponent

        UnlockScreen {
            width: 412
            height: 600
        }
    }

    Component {
        id: selectorComponent

        LanguageSelector {}
    }

    function cleanup() {
        UiLanguage.code = "en"
    }

    function test_screen_text_follows_the_language() {
        UiLanguage.code = "en"
        const screen = createTemporaryObject(unlockComponent, root)
        const button = findChild(screen, "unlockButton")
        verify(button)
        compare(button.text, "Unlock")
        UiLanguage.code = "fr"
        compare(button.text, "Déverrouiller")
        compare(screen.title, "Déverrouiller")
        UiLanguage.code = "es"
        compare(button.text, "Desbloquear")
        UiLanguage.code = "en"
        compare(button.text, "Unlock")
    }

    function test_selector_menu_switches_language() {
        const selector = createTemporaryObject(selectorComponent, root)
        compare(selector.text, "EN")
        mouseClick(selector)
        const menu = findChild(selector, "languageMenu")
        verify(menu)
        tryCompare(menu, "opened", true)
        let spanish = null
        for (let i = 0; i < menu.count; ++i) {
            if (menu.itemAt(i).objectName === "language_es")
                spanish = menu.itemAt(i)
        }
        verify(spanish)
        verify(spanish.Accessible.name.length > 0)
        mouseClick(spanish)
        compare(UiLanguage.code, "es")
        compare(selector.text, "ES")
        compare(selector.Accessible.name, "Idioma: Español")
    }
}
