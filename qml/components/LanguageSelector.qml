import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Amicus

// Switches the whole UI between English, French and Spanish at once; the choice is remembered.
ToolButton {
    id: root

    // The menu and its items are made on first use: making them at start-up cost about 6 ms
    // before the first frame (bench/app, cold start).
    property Menu menu: null

    text: root.currentName()
    Material.foreground: "white"
    Accessible.name: qsTr("Language: %1").arg(root.currentName())
    onClicked: {
        if (!root.menu)
            root.menu = menuComponent.createObject(root) as Menu
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

    Component {
        id: menuComponent

        Menu {
            objectName: "languageMenu"
            y: parent.height

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
}
