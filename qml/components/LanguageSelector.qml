import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Amicus

// Switches the whole UI between English, French and Spanish at once; the choice is remembered.
ToolButton {
    id: root

    text: root.currentName()
    Material.foreground: "white"
    Accessible.name: qsTr("Language: %1").arg(root.currentName())
    onClicked: menu.open()

    function currentName(): string {
        const languages = UiLanguage.available
        for (let i = 0; i < languages.length; ++i) {
            if (languages[i].code === UiLanguage.code)
                return languages[i].name
        }
        return UiLanguage.code
    }

    Menu {
        id: menu

        objectName: "languageMenu"
        y: root.height

        Repeater {
            model: UiLanguage.available

            delegate: MenuItem {
                required property var modelData

                objectName: "language_" + modelData.code
                text: modelData.name
                checkable: true
                checked: modelData.code === UiLanguage.code
                Accessible.name: modelData.name
                onTriggered: UiLanguage.code = modelData.code
            }
        }
    }
}
