import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Amicus

// Exports a draft as an ODT or PDF document to send by e-mail when no endpoint can be reached.
// The copy is not encrypted, so the dialog says that plainly before anything is written; then
// it shows the work under way and where the file is (or why it could not be written).
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
    modal: true
    closePolicy: exporter.busy ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside
    title: !root.started ? qsTr("Export an unencrypted copy?")
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

    ColumnLayout {
        width: parent.width
        spacing: 8

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
        onAccepted: exporter.directoryUrl = folderDialog.selectedFolder
    }
}
