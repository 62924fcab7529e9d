import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// One call for input: who asks, why, the key questions, how inputs are used, the deadline.
Page {
    id: root

    required property string callId

    signal draftRequested(string callId)

    objectName: "callScreen"
    title: details.title

    CallDetails {
        id: details

        callId: root.callId
        language: UiLanguage.code
    }

    ScrollView {
        id: scroller

        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 12

            Item {
                Layout.preferredHeight: 4
            }

            Label {
                objectName: "callTitle"
                text: details.title
                font.pixelSize: 20
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Accessible.role: Accessible.Heading
            }

            Label {
                objectName: "callIssuingBody"
                text: details.issuingBody
                opacity: 0.7
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Label {
                objectName: "callDeadline"
                text: !details.open ? qsTr("This call is closed: drafts stay readable, but nothing more can be sent.")
                                    : details.deadline.length > 0 ? qsTr("Deadline: %1").arg(details.deadline)
                                                                  : qsTr("Open, no deadline")
                color: details.open ? Material.accent : Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Label {
                objectName: "callFallbackNotice"
                visible: details.showsFallbackText
                text: qsTr("Parts of this call are not yet translated and are shown in English.")
                font.italic: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            SectionHeading {
                text: qsTr("Purpose")
            }

            Label {
                objectName: "callPurpose"
                text: details.purpose
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            SectionHeading {
                text: qsTr("Key questions")
            }

            Repeater {
                objectName: "callQuestions"
                model: details.questions

                delegate: Label {
                    required property var modelData
                    required property int index

                    text: (index + 1) + ". " + modelData.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }
            }

            SectionHeading {
                text: qsTr("How inputs will be used")
            }

            Label {
                objectName: "callUseOfInputs"
                text: details.useOfInputs
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            PrimaryButton {
                objectName: "startDraftButton"
                text: qsTr("Write a submission")
                enabled: details.open
                Accessible.name: text
                Layout.fillWidth: true
                Layout.topMargin: 8
                Layout.bottomMargin: 24
                onClicked: root.draftRequested(root.callId)
            }
        }
    }
}
