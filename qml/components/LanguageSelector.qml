import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Amicus

// Switches the whole UI between English, French and Spanish at once; the choice is remembered.
ToolButton {
    id: root

    // The menu is compiled and made on first use (LanguageMenu.qml): making it at start-up cost
    // about 6 ms before the first frame, and naming its types here loaded them (bench/app).
    property var menu: null

    // The short code keeps the header narrow on a phone; the full name is spoken and in the menu.
    text: UiLanguage.code.toUpperCase()
    Material.foreground: "white"
    Accessible.name: qsTr("Language: %1").arg(root.currentName())
    onClicked: {
        if (!root.menu) {
            const component = Qt.createComponent("LanguageMenu.qml")
            if (component.status === Component.Error)
                console.error(component.errorString())
            root.menu = component.createObject(root, {y: root.height})
        }
        root.menu.open()
    }

    function currentName(): string {
        const languages = UiLanguage.available
        for (let i = 0; i < languages.length; ++i) {
            if (languages[i].code === UiLanguage.code)
                return languages[i].name
        }
        return UiLanguage.code
    }
}
