import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Amicus

// The three UI languages, one ticked; choosing one switches the whole UI at once. Its own file so
// that the Menu and MenuItem types load on the first click, not before the first frame
// (bench/app, cold start).
Menu {
    objectName: "languageMenu"

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
