import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A heading between the sections of a long page.
Label {
    id: root

    font.pixelSize: 15
    font.weight: Font.DemiBold
    font.capitalization: Font.AllUppercase
    color: Material.primary
    wrapMode: Text.WordWrap
    Layout.fillWidth: true
    Layout.topMargin: 8
    Layout.leftMargin: 16
    Layout.rightMargin: 16
    Accessible.role: Accessible.Heading
}
