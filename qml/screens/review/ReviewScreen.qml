import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Amicus

// Before sending: every problem named exactly, then "Send when online". Or, when no endpoint
// can be reached, an unencrypted ODT or PDF copy to send by e-mail (after a plain warning).
Page {
    id: root

    required property int draftId

    signal editRequested
    signal sent

    objectName: "reviewScreen"
    title: qsTr("Review and send")

    function describe(issue: var): string {
        switch (issue.code) {
        case SubmissionReview.CallWithdrawn:
            return qsTr("This call is no longer offered. The draft stays readable, but it cannot be sent.")
        case SubmissionReview.CallClosed:
            return qsTr("This call is closed. The draft stays readable, but it cannot be sent.")
        case SubmissionReview.MissingOrganization:
            return qsTr("Give the name of your organization, or your own name.")
        case SubmissionReview.MissingCountry:
            return qsTr("Give the country.")
        case SubmissionReview.MissingConsent:
            return qsTr("Choose whether the submission may be published.")
        case SubmissionReview.NoAnswer:
            return qsTr("Answer at least one key question.")
        case SubmissionReview.AnswerTooLong:
            return qsTr("The answer to question %1 has %2 words; the call accepts %3.")
                .arg(issue.question).arg(issue.count).arg(issue.limit)
        case SubmissionReview.TooManyAttachments:
            return qsTr("There are %1 attached files; the call accepts %2.").arg(issue.count).arg(issue.limit)
        }
        return ""
    }

    SubmissionReview {
        id: review

        draftId: root.draftId
        onSent: root.sent()
    }

    DraftExport {
        id: exporter

        objectName: "draftExport"
        draftId: root.draftId
    }

    StackView.onActivated: review.refresh()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        Label {
            objectName: "reviewSummary"
            text: review.issues.length === 0
                  ? qsTr("Ready. Your submission will be encrypted so that only the secretariat can read it, then sent as soon as a network allows.")
                  : qsTr("Before sending, please fix:")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Repeater {
            objectName: "reviewIssues"
            model: review.issues

            delegate: Label {
                required property var modelData

                text: "• " + root.describe(modelData) // qmllint disable unqualified
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        ProblemText {
            objectName: "reviewProblem"
            problem: review.problem
        }

        Label {
            objectName: "exportResult"
            visible: exporter.exportedPath.length > 0 && !exporter.busy
            text: qsTr("Saved as %1. This copy is not encrypted: delete it once you have sent it.")
                  .arg(exporter.exportedPath)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ProblemText {
            objectName: "exportProblem"
            problem: exporter.problem
        }

        Item {
            Layout.fillHeight: true
        }

        Button {
            objectName: "shareExportButton"
            text: qsTr("Share the document…")
            visible: exporter.canShare && exporter.exportedPath.length > 0
            Accessible.name: qsTr("Share the exported document")
            Layout.fillWidth: true
            onClicked: exporter.share()
        }

        Button {
            objectName: "exportButton"
            text: exporter.busy ? qsTr("Exporting…") : qsTr("Export as a document…")
            enabled: !exporter.busy
            flat: true
            Accessible.name: qsTr("Export as a document")
            Layout.fillWidth: true
            onClicked: exportDialog.open()
        }

        Button {
            objectName: "reviewEditButton"
            text: qsTr("Back to the draft")
            visible: review.issues.length > 0
            Accessible.name: text
            Layout.fillWidth: true
            onClicked: root.editRequested()
        }

        PrimaryButton {
            objectName: "sendButton"
            text: review.busy ? qsTr("Encrypting…") : qsTr("Send when online")
            enabled: review.issues.length === 0 && !review.busy
            Accessible.name: qsTr("Send when online")
            Layout.fillWidth: true
            onClicked: review.send()
        }
    }

    Dialog {
        id: exportDialog

        objectName: "exportDialog"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 420)
        modal: true
        title: qsTr("Export an unencrypted copy?")
        // No drop shadow: its shader effect hides the dialog under the software renderer.
        Material.elevation: 0
        onAccepted: exporter.exportDraft(exportPdf.checked ? DraftExport.Pdf : DraftExport.Odt, true)

        ColumnLayout {
            width: parent.width
            spacing: 8

            Label {
                objectName: "exportWarning"
                text: qsTr("The document will NOT be encrypted. Anyone who gets this file can read it: your answers, your organization and your contact details. Send it only to the secretariat, and delete it once it is sent.")
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            RadioButton {
                id: exportOdt

                objectName: "exportOdt"
                text: qsTr("Text document (ODT)")
                checked: true
                Accessible.name: text
            }

            RadioButton {
                id: exportPdf

                objectName: "exportPdf"
                text: qsTr("PDF")
                Accessible.name: qsTr("PDF document")
            }

            Label {
                objectName: "exportFolder"
                text: qsTr("Folder: %1").arg(exporter.directory)
                wrapMode: Text.Wrap
                opacity: 0.7
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportChooseFolder"
                text: qsTr("Choose another folder…")
                visible: !exporter.canShare
                flat: true
                Accessible.name: qsTr("Choose another folder")
                onClicked: folderDialog.open()
            }
        }

        footer: DialogButtonBox {
            Button {
                objectName: "exportCancel"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                onClicked: exportDialog.reject()
            }

            Button {
                objectName: "exportConfirm"
                text: qsTr("Export")
                flat: true
                Accessible.name: qsTr("Export an unencrypted copy")
                onClicked: exportDialog.accept()
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
