import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// The drafts on this device: open one, export it as a document (say, one stuck in the outbox,
// to send by e-mail), or delete it after a confirmation.
Page {
    id: root

    signal draftChosen(int draftId)

    function refresh() {
        drafts.refresh()
    }

    objectName: "draftsScreen"
    title: qsTr("Drafts")

    DraftsListModel {
        id: drafts

        language: UiLanguage.code
    }

    Label {
        objectName: "noDrafts"
        visible: drafts.count === 0
        anchors.centerIn: parent
        width: parent.width - 48
        text: qsTr("No drafts yet. Open a call for input and write a submission.")
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        opacity: 0.7
    }

    ListView {
        id: list

        objectName: "draftsList"
        anchors.fill: parent
        clip: true
        model: drafts

        delegate: ItemDelegate {
            id: draftItem

            required property int draftId
            required property string callTitle
            required property string organization
            required property string updated
            required property int answerCount
            required property int attachmentCount
            required property bool finalized
            required property int index

            objectName: "draft_" + draftItem.index
            width: ListView.view.width
            Accessible.name: draftItem.callTitle
            onClicked: root.draftChosen(draftItem.draftId) // qmllint disable unqualified

            // The actions under the text, not beside it: the text keeps the whole width, so long
            // French and Spanish names and dates are not cut.
            contentItem: ColumnLayout {
                spacing: 0

                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true

                    // Wrapped, not elided: long French and Spanish names stay readable.
                    Label {
                        objectName: "draftTitle_" + draftItem.index
                        text: draftItem.organization.length > 0 ? draftItem.organization : qsTr("Untitled draft")
                        font.weight: Font.Medium
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }

                    Label {
                        text: draftItem.callTitle
                        opacity: 0.7
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }

                    Label {
                        text: (draftItem.finalized ? qsTr("Sent to the outbox") : qsTr("Saved %1").arg(draftItem.updated))
                              + " · " + qsTr("%n answer(s)", "", draftItem.answerCount)
                              + " · " + qsTr("%n file(s)", "", draftItem.attachmentCount)
                        font.pixelSize: 12
                        opacity: 0.7
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }

                RowLayout {
                    spacing: 8
                    Layout.alignment: Qt.AlignRight

                    ToolButton {
                        objectName: "exportDraft_" + draftItem.index
                        text: qsTr("Export")
                        Accessible.name: qsTr("Export this draft as a document")
                        onClicked: exportDialog.ask(draftItem.draftId) // qmllint disable unqualified
                    }

                    ToolButton {
                        objectName: "deleteDraft_" + draftItem.index
                        text: qsTr("Delete")
                        Accessible.name: qsTr("Delete this draft")
                        onClicked: {
                            confirmDelete.draftId = draftItem.draftId // qmllint disable unqualified
                            confirmDelete.open() // qmllint disable unqualified
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: confirmDelete

        property int draftId: -1

        objectName: "confirmDeleteDraft"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 400)
        modal: true
        title: qsTr("Delete this draft?")
        standardButtons: Dialog.Cancel | Dialog.Discard
        onDiscarded: {
            drafts.remove(confirmDelete.draftId)
            confirmDelete.close()
        }

        // A layout, not a bare Label: a wrapped Label's implicitHeight changes synchronously
        // with its width, and the Dialog's width settles while its implicitHeight binding runs
        // (a Popup gets its parent late), which Qt reports as a binding loop. The layout
        // recomputes its implicit size at polish time instead.
        contentItem: ColumnLayout {
            Label {
                objectName: "confirmDeleteDraftMessage"
                text: qsTr("Its answers and attached files will be erased from this device. This cannot be undone.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }

    ExportDialog {
        id: exportDialog
    }
}
