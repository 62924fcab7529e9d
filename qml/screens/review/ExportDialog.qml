import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Amicus

// When no endpoint can be reached: first the sealed envelope (the submission as Amicus sends it,
// readable only by the secretariat) to send by e-mail, a messenger or a USB stick — saved here
// once the submission is sealed, or how to seal it; then an ODT or PDF document for a
// secretariat that only takes documents. That copy is not encrypted, so the dialog says so
// plainly before anything is written; then it shows the work under way and where the file is
// (or why it could not be written). Taller than the phone, it scrolls.
Dialog {
    id: root

    property int draftId: -1
    // The secretariat's address and subject line from the catalog, when it gives them.
    property string contactEmail: ""
    property string contactSubject: ""
    readonly property DraftExport exporter: exporter
    // True once the user has asked for the file: the dialog then shows progress and result.
    property bool started: false
    readonly property bool done: root.started && !exporter.busy

    // Opens the dialog on its warning, for draft `draftId`.
    function ask(draftId: int) {
        root.draftId = draftId
        root.started = false
        root.open()
    }

    objectName: "exportDialog"
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 420)
    height: Math.min(implicitHeight, parent.height - 32)
    modal: true
    closePolicy: exporter.busy ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside
    // The sealed envelope comes first when there is one, or can be: the title says so.
    title: !root.started ? (envelope.available || envelope.canSeal ? qsTr("Send it yourself")
                                                                   : qsTr("Export an unencrypted copy?"))
                         : exporter.busy ? qsTr("Exporting…")
                                         : exporter.problem === Problem.None ? qsTr("Document exported")
                                                                             : qsTr("Not exported")
    // No drop shadow: its shader effect hides the dialog under the software renderer.
    Material.elevation: 0

    DraftExport {
        id: exporter

        objectName: "draftExport"
        draftId: root.draftId
    }

    EnvelopeExport {
        id: envelope

        objectName: "envelopeExport"
        draftId: root.draftId
    }

    // A title that wraps: the default one is cut to a line ("Exporter une copie non chiffr…").
    header: Label {
        text: root.title
        font.pixelSize: 18
        font.weight: Font.Medium
        wrapMode: Text.WordWrap
        padding: 24
        bottomPadding: 8
        Accessible.role: Accessible.Heading
    }

    // The dialog's content, not its contentItem: ids inside a deferred contentItem would make
    // it be built at once (qmllint). Its implicit height is the dialog's content height.
    ScrollView {
        id: exportScroller

        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: exportScroller.availableWidth
            spacing: 8

            Label {
                objectName: "exportSealedFirst"
                visible: !root.started && (envelope.available || envelope.canSeal)
                text: envelope.available
                      ? qsTr("Safer: save the sealed envelope. It is the submission as Amicus sends it, encrypted so that only the secretariat can read it. Send the file to the secretariat by e-mail, a messaging app or a USB stick.")
                      : qsTr("Safer: press “Send when online”. The submission is then sealed and waits in the outbox, where you can save it as a sealed envelope that only the secretariat can read, and send it yourself.")
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            // A file sent by hand comes back with no signed receipt (docs/threat-model.md):
            // the message it travels in is the sender's only record of when.
            Label {
                objectName: "exportNoReceipt"
                visible: !root.started && envelope.available
                text: qsTr("Sent this way, it gets no receipt: keep the e-mail or message you send it with, and ask the secretariat to confirm that it arrived.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportSaveEnvelope"
                visible: !root.started && envelope.available
                text: qsTr("Save the sealed envelope")
                Accessible.name: text
                Layout.fillWidth: true
                onClicked: envelope.save()
            }

            Label {
                objectName: "exportEnvelopeSaved"
                visible: !root.started && envelope.savedPath.length > 0
                text: qsTr("Saved as %1 in %2. Only the secretariat can open it.")
                      .arg(envelope.fileName).arg(envelope.directoryName)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label {
                objectName: "exportEnvelopeProblem"
                visible: !root.started && envelope.failure !== EnvelopeExport.None
                text: envelope.failure === EnvelopeExport.FolderUnwritable
                      ? qsTr("The sealed envelope could not be saved in %1. Choose another folder or free some space.").arg(envelope.directoryName)
                      : qsTr("The sealed envelope on this phone is damaged or missing.")
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportShareEnvelope"
                visible: !root.started && envelope.savedPath.length > 0 && envelope.canShare
                text: qsTr("Share the sealed envelope…")
                flat: true
                Accessible.name: qsTr("Share the sealed envelope")
                onClicked: envelope.share()
            }

            Label {
                objectName: "exportUnencryptedIntro"
                visible: !root.started && (envelope.available || envelope.canSeal)
                text: qsTr("Or, for a secretariat that only takes documents, a readable copy:")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.topMargin: 8
            }

            Label {
                objectName: "exportWarning"
                visible: !root.started
                text: qsTr("The document will NOT be encrypted. Anyone who gets this file can read it: your answers, your organization and your contact details. Send it only to the secretariat, and delete it once it is sent.")
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Label {
                objectName: "exportContact"
                visible: !root.started && root.contactEmail.length > 0
                text: root.contactSubject.length > 0
                      ? qsTr("The secretariat's e-mail: %1\nSubject line: %2").arg(root.contactEmail).arg(root.contactSubject)
                      : qsTr("The secretariat's e-mail: %1").arg(root.contactEmail)
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            RadioButton {
                id: exportOdt

                objectName: "exportOdt"
                visible: !root.started
                text: qsTr("Text document (ODT)")
                checked: true
                Accessible.name: text
            }

            RadioButton {
                id: exportPdf

                objectName: "exportPdf"
                visible: !root.started
                text: qsTr("PDF")
                Accessible.name: qsTr("PDF document")
            }

            Label {
                objectName: "exportFolder"
                visible: !root.started
                text: qsTr("Folder: %1").arg(exporter.directoryName)
                wrapMode: Text.Wrap
                opacity: 0.7
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportChooseFolder"
                visible: !root.started && !exporter.canShare
                text: qsTr("Choose another folder…")
                flat: true
                Accessible.name: qsTr("Choose another folder")
                onClicked: folderDialog.open()
            }

            BusyIndicator {
                visible: exporter.busy
                running: exporter.busy
                Layout.alignment: Qt.AlignHCenter
            }

            Label {
                objectName: "exportResult"
                visible: root.done && exporter.problem === Problem.None
                text: qsTr("Saved as %1. This copy is not encrypted: delete it once you have sent it.")
                      .arg(exporter.exportedPath)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            ProblemText {
                objectName: "exportProblem"
                Layout.fillWidth: true
                visible: root.done && exporter.problem !== Problem.None
                problem: exporter.problem
            }
        }
    }

    // A row of its own, not a DialogButtonBox: the box (Qt 6.4) kept room for the hidden
    // buttons and pushed the visible ones out of the dialog.
    footer: Item {
        implicitHeight: footerButtons.implicitHeight + 16

        RowLayout {
            id: footerButtons

            anchors.fill: parent
            anchors.margins: 8
            spacing: 8

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportCancel"
                visible: !root.done
                enabled: !exporter.busy
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                onClicked: root.close()
            }

            Button {
                objectName: "exportConfirm"
                visible: !root.started
                text: qsTr("Export")
                flat: true
                Accessible.name: qsTr("Export an unencrypted copy")
                onClicked: {
                    root.started = true
                    if (!exporter.exportDraft(exportPdf.checked ? DraftExport.Pdf : DraftExport.Odt, true))
                        root.started = exporter.problem !== Problem.None
                }
            }

            Button {
                objectName: "exportRetry"
                visible: root.done && exporter.problem !== Problem.None
                text: qsTr("Try again")
                flat: true
                Accessible.name: text
                onClicked: root.started = false
            }

            Button {
                objectName: "shareExportButton"
                visible: root.done && exporter.problem === Problem.None && exporter.canShare
                text: qsTr("Share…")
                flat: true
                Accessible.name: qsTr("Share the exported document")
                onClicked: exporter.share()
            }

            Button {
                objectName: "exportClose"
                visible: root.done && exporter.problem === Problem.None
                text: qsTr("Done")
                flat: true
                Accessible.name: text
                onClicked: root.close()
            }
        }
    }

    FolderDialog {
        id: folderDialog

        objectName: "exportFolderDialog"
        currentFolder: exporter.directoryUrl
        onAccepted: {
            exporter.directoryUrl = folderDialog.selectedFolder
            envelope.directoryUrl = folderDialog.selectedFolder
        }
    }
}
