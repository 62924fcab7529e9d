import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// A delivered submission's receipt, whole: the NGO's proof that it submitted, and when. It can
// be saved (or shared, on a phone) as the file the endpoint signed, which the secretariat or
// anyone with the endpoint's public key can check (amicus-intake receipt verify).
Dialog {
    id: root

    function show(draftId: int) {
        receipt.draftId = draftId
        root.open()
    }

    objectName: "receiptDialog"
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 420)
    modal: true
    title: qsTr("Receipt")
    // No drop shadow: its shader effect hides the dialog under the software renderer.
    Material.elevation: 0

    ReceiptExport {
        id: receipt

        objectName: "receiptExport"
        language: UiLanguage.code
    }

    component Fact: ColumnLayout {
        property alias caption: captionLabel.text
        property alias value: valueLabel.text

        spacing: 0
        Layout.fillWidth: true

        Label {
            id: captionLabel

            opacity: 0.7
            font.pixelSize: 12
            Layout.fillWidth: true
        }

        Label {
            id: valueLabel

            wrapMode: Text.WrapAnywhere
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: 8

        Label {
            objectName: "receiptSignature"
            text: receipt.signatureChecked
                  ? qsTr("Signed by the secretariat's endpoint: the signature checks.")
                  : qsTr("The signature could not be checked with the call's current key.")
            color: receipt.signatureChecked ? Material.color(Material.Green, Material.Shade800)
                                            : Material.color(Material.Red)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Fact {
            objectName: "receiptReceivedAt"
            caption: qsTr("Received at")
            value: receipt.receivedAt
        }

        Fact {
            objectName: "receiptSubmissionId"
            caption: qsTr("Submission")
            value: receipt.submissionId
        }

        Fact {
            objectName: "receiptSize"
            caption: qsTr("Size")
            value: receipt.size
        }

        Fact {
            objectName: "receiptSha256"
            caption: qsTr("SHA-256 of what arrived")
            value: receipt.sha256
        }

        Label {
            objectName: "receiptSaved"
            visible: receipt.savedPath.length > 0
            text: qsTr("Saved as %1. The secretariat can check it with amicus-intake receipt verify.").arg(receipt.savedPath)
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight

            Button {
                objectName: "receiptShare"
                visible: receipt.canShare && receipt.savedPath.length > 0
                flat: true
                text: qsTr("Share")
                Accessible.name: text
                onClicked: receipt.share()
            }

            Button {
                objectName: "receiptSave"
                enabled: receipt.found
                flat: true
                text: qsTr("Save as a file")
                Accessible.name: text
                onClicked: receipt.save()
            }

            Button {
                objectName: "receiptClose"
                flat: true
                text: qsTr("Close")
                Accessible.name: text
                onClicked: root.close()
            }
        }
    }
}
