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
                        wrapMode: Text.WordWrap
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
                        onClicked: confirmDelete.ask(draftItem.draftId) // qmllint disable unqualified
                    }
                }
            }
        }
    }

    // Says what deleting takes away, for where the draft stands: still being written, waiting to
    // be sent (deleting cancels the sending), part or all of it uploaded, or delivered.
    Dialog {
        id: confirmDelete

        property int draftId: -1
        property int sending: DraftsListModel.NotFinalized
        // Deleting it also stops a submission on its way to the secretariat.
        readonly property bool cancelsSending: confirmDelete.sending === DraftsListModel.Waiting
                                               || confirmDelete.sending === DraftsListModel.PartlySent

        function ask(draftId: int) {
            confirmDelete.draftId = draftId
            confirmDelete.sending = drafts.sendingOf(draftId)
            confirmDelete.open()
        }

        function message(sending: int): string {
            switch (sending) {
            case DraftsListModel.Waiting:
                return qsTr("It is waiting to be sent. Deleting it cancels the sending: nothing will reach the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.")
            case DraftsListModel.PartlySent:
                return qsTr("Part of it has already been uploaded. Deleting it cancels the sending: the upload is stopped and never completed, so nothing reaches the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.")
            case DraftsListModel.FullySent:
                return qsTr("All of it has already reached the secretariat; only the receipt has not come back yet. Deleting it does not take it back. Its answers, attached files and sending record will be erased from this device. This cannot be undone.")
            case DraftsListModel.Delivered:
                return qsTr("The secretariat has received it and keeps it: deleting it here does not take it back. Its answers, attached files and the delivery receipt, your proof that it arrived, will be erased from this device. This cannot be undone.")
            }
            return qsTr("Its answers and attached files will be erased from this device. This cannot be undone.")
        }

        objectName: "confirmDeleteDraft"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 400)
        modal: true
        title: confirmDelete.sending === DraftsListModel.NotFinalized ? qsTr("Delete this draft?")
                                                                      : qsTr("Delete this submission?")

        // A layout, not a bare Label: a wrapped Label's implicitHeight changes synchronously
        // with its width, and the Dialog's width settles while its implicitHeight binding runs
        // (a Popup gets its parent late), which Qt reports as a binding loop. The layout
        // recomputes its implicit size at polish time instead.
        contentItem: ColumnLayout {
            Label {
                objectName: "confirmDeleteDraftMessage"
                text: confirmDelete.message(confirmDelete.sending)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        // Our own buttons, not standardButtons: Qt's labels ("Discard") are not ours, do not
        // follow the app's language and carry no objectName. The long "delete and cancel
        // sending" goes above "Cancel", so French and Spanish are not cut on a phone.
        footer: Item {
            implicitHeight: deleteButtons.implicitHeight + 16

            // Cancel then Delete on one row; stacked (Delete above Cancel) when deleting also
            // cancels the sending, whose longer label needs the whole width.
            GridLayout {
                id: deleteButtons

                anchors.fill: parent
                anchors.margins: 8
                columns: 3
                rowSpacing: 0
                columnSpacing: 8

                Item {
                    Layout.row: 0
                    Layout.column: 0
                    Layout.fillWidth: true
                }

                Button {
                    objectName: "cancelDeleteDraftButton"
                    text: qsTr("Cancel")
                    flat: true
                    Accessible.name: qsTr("Cancel, keep it")
                    Layout.row: confirmDelete.cancelsSending ? 1 : 0
                    Layout.column: confirmDelete.cancelsSending ? 2 : 1
                    Layout.alignment: Qt.AlignRight
                    onClicked: confirmDelete.close()
                }

                Button {
                    objectName: "confirmDeleteDraftButton"
                    text: confirmDelete.cancelsSending ? qsTr("Delete and cancel sending") : qsTr("Delete")
                    flat: true
                    Material.foreground: Material.color(Material.Red, Material.Shade700)
                    Accessible.name: confirmDelete.cancelsSending ? qsTr("Delete this submission and cancel its sending")
                                                                  : qsTr("Delete it for good")
                    Layout.row: 0
                    Layout.column: 2
                    Layout.alignment: Qt.AlignRight
                    onClicked: {
                        drafts.remove(confirmDelete.draftId)
                        confirmDelete.close()
                    }
                }
            }
        }
    }

    ExportDialog {
        id: exportDialog
    }
}
