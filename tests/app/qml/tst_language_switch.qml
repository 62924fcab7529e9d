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
        id: welcomeComponent

        WelcomeScreen {
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

    function test_welcome_text_follows_the_language() {
        UiLanguage.code = "en"
        const screen = createTemporaryObject(welcomeComponent, root)
        const message = findChild(screen, "welcomeMessage")
        verify(message)
        const english = message.text
        verify(english.length > 0)

        UiLanguage.code = "fr"
        compare(message.text, "Répondez aux appels à contributions de l’ONU, même hors ligne : vos brouillons restent chiffrés sur ce téléphone et partent dès qu’un réseau est disponible.")
        UiLanguage.code = "es"
        compare(message.text, "Responda a las convocatorias de contribuciones de la ONU, incluso sin conexión: sus borradores permanecen cifrados en este teléfono y se envían en cuanto haya red.")
        UiLanguage.code = "en"
        compare(message.text, english)
    }

    function test_selector_menu_switches_language() {
        const selector = createTemporaryObject(selectorComponent, root)
        compare(selector.text, "English")
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
        compare(selector.text, "Español")
        compare(selector.Accessible.name, "Idioma: Español")
    }
}
