import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// The calls for input the app offers; a tap opens the call's page.
Page {
    id: root

    signal callChosen(string callId)

    objectName: "callsScreen"
    title: qsTr("Calls for input")

    ListView {
        id: list

        objectName: "callsList"
        anchors.fill: parent
        clip: true
        model: CallsListModel {
            language: UiLanguage.code
        }

        delegate: ItemDelegate {
            id: callItem

            required property string callId
            required property string title
            required property string issuingBody
            required property string deadline
            required property bool open
            required property bool late
            required property bool inputsPublished
            required property int index

            objectName: "call_" + callItem.index
            width: ListView.view.width
            Accessible.name: callItem.title
            // Qt 6.4's qmllint cannot see outer ids from a delegate (no ComponentBehavior yet).
            onClicked: root.callChosen(callItem.callId) // qmllint disable unqualified

            contentItem: ColumnLayout {
                spacing: 4

                Label {
                    text: callItem.title
                    font.pixelSize: 16
                    font.weight: Font.Medium
                    // Whole: a 360 px phone shows every word of the call's title.
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Label {
                    text: callItem.issuingBody
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "callState_" + callItem.index
                    text: !callItem.open ? (callItem.inputsPublished ? qsTr("Closed · inputs published") : qsTr("Closed"))
                                         : callItem.late ? qsTr("Deadline passed (%1) · sending now arrives late").arg(callItem.deadline)
                                                         : callItem.deadline.length > 0 ? qsTr("Deadline: %1").arg(callItem.deadline)
                                                                                        : qsTr("Open · deadline not stated")
                    color: !callItem.open ? Material.color(Material.Grey)
                                          : callItem.late ? Material.color(Material.Orange, Material.Shade800) : Material.accent
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
