import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A long text shown by its first lines until the reader opens it (a call's background).
ColumnLayout {
    id: root

    property alias text: body.text
    property int foldedLines: 3
    property bool unfolded: false

    spacing: 0
    Layout.fillWidth: true
    Layout.leftMargin: 16
    Layout.rightMargin: 16

    Label {
        id: body

        objectName: root.objectName + "Text"
        wrapMode: Text.WordWrap
        maximumLineCount: root.unfolded ? 100000 : root.foldedLines
        elide: Text.ElideRight
        Layout.fillWidth: true
    }

    Button {
        objectName: root.objectName + "Toggle"
        visible: root.unfolded || body.truncated
        flat: true
        text: root.unfolded ? qsTr("Show less") : qsTr("Read all")
        Accessible.name: text
        leftPadding: 0
        onClicked: root.unfolded = !root.unfolded
    }
}
