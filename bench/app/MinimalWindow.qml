import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The peer of the cold-start benchmark: the least a Qt Quick Controls app shows.
ApplicationWindow {
    width: 412
    height: 780
    visible: true
    title: "Minimal"

    Label {
        objectName: "minimal"
        anchors.centerIn: parent
        text: "Hello"
    }
}
