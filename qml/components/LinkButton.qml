import QtQuick
import QtQuick.Controls

// Opens a web page, a document or an e-mail in the system's own app (browser, mail).
Button {
    id: root

    required property string url

    flat: true
    visible: url.length > 0
    Accessible.name: text
    Accessible.description: url
    ToolTip.visible: hovered
    ToolTip.text: url
    onClicked: Qt.openUrlExternally(url)
}
