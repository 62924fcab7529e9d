import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The main action of a screen: a filled button without shadow (Material 3's filled button),
// which also renders under the software renderer, where shadow effects draw nothing.
Button {
    id: root

    highlighted: true
    Material.elevation: 0
}
