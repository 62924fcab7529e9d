import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// Submissions on their way out: progress while sending, why one waits, the receipt once the
// secretariat has it, and what to do when one needs attention.
Page {
    id: root

    // The user asked to open a draft: the one an entry was made from, or its editable copy.
    signal draftChosen(int draftId)

    function reasonText(reason: int, nextTry: string): string {
        switch (reason) {
        case OutboxListModel.Offline:
            return qsTr("Waiting for a network.")
        case OutboxListModel.WaitingForWiFi:
            return qsTr("Waiting for Wi-Fi (see Settings).")
        case OutboxListModel.WaitingForUser:
            return qsTr("Waiting for you to press “Send now”.")
        case OutboxListModel.RetryLater:
            return qsTr("The connection failed. Next try at %1.").arg(nextTry)
        case OutboxListModel.EndpointBusy:
            return qsTr("The secretariat's server is busy. Amicus will try again at %1.").arg(nextTry)
        case OutboxListModel.TooLarge:
            return qsTr("The secretariat's server does not accept a submission this large. Make an editable copy, make it smaller (send photos as smaller copies, remove files), then send the copy.")
        case OutboxListModel.Refused:
            return qsTr("The secretariat's server refused this submission.")
        case OutboxListModel.EndpointUnsafe:
            return qsTr("Nothing was sent: the server could not prove it is the secretariat's. This network may be intercepting connections. Try again on another network (mobile data or another Wi-Fi).")
        case OutboxListModel.CaptivePortal:
            return qsTr("This network first needs you to sign in (a Wi-Fi login page). Sign in with your browser, then try again.")
        case OutboxListModel.ReceiptInvalid:
            return qsTr("The server's receipt could not be verified, so delivery is not confirmed. Try again to ask the server once more.")
        case OutboxListModel.CallWithdrawn:
            return qsTr("This call is no longer offered, so the submission cannot be sent. The draft stays in Drafts, where you can export it as a document.")
        case OutboxListModel.CallClosed:
            return qsTr("Held back: the call is closed.")
        case OutboxListModel.LocalFileDamaged:
            return qsTr("The encrypted package on this phone is damaged or missing, so it cannot be sent. Make an editable copy: the copy is packed again when you send it.")
        }
        return qsTr("Queued.")
    }

    // Where to turn when the secretariat refused a submission: the catalog's contact address
    // when it gives one; otherwise who issued the call and where their address is.
    function refusedHelp(issuingBody: string, contactEmail: string, submissionId: string): string {
        if (contactEmail.length > 0)
            return qsTr("To ask why, write to the secretariat at %1. Give them this reference: %2").arg(contactEmail).arg(submissionId)
        return issuingBody.length > 0
                ? qsTr("To ask why, write to the %1: their address is on the call's web page. Give them this reference: %2").arg(issuingBody).arg(submissionId)
                : qsTr("To ask why, write to the secretariat that issued the call: their address is on the call's web page. Give them this reference: %1").arg(submissionId)
    }

    function sendingText(fraction: real, size: string, rate: string): string {
        const percent = Math.floor(fraction * 100).toLocaleString(Qt.locale(UiLanguage.code), "f", 0)
        //: %1 is the percentage, %2 the submission's size; in French and Spanish a (narrow)
        //: no-break space goes before "%".
        return rate.length > 0 ? qsTr("Sending: %1% of %2 · %3").arg(percent).arg(size).arg(rate)
                               : qsTr("Sending: %1% of %2").arg(percent).arg(size)
    }

    // What removing it means, said before it is done.
    function removalText(title: string, reason: int, uploadStarted: bool, copyOffered: bool): string {
        let text = qsTr("“%1” will not be sent, and its encrypted package is deleted from this phone. The draft stays in Drafts as it is.").arg(title)
        if (reason === OutboxListModel.ReceiptInvalid)
            text += " " + qsTr("The secretariat may already have it: only its receipt could not be verified. Removing it stops this phone from asking again.")
        else if (uploadStarted)
            text += " " + qsTr("The part already uploaded is never completed, so nothing reaches the secretariat.")
        if (copyOffered)
            text += " " + qsTr("To change it and send it again, make an editable copy first.")
        return text
    }

    // The export dialog, sealed envelope first, for entry `draftId`.
    function sendYourself(draftId: int, contactEmail: string) {
        exportDialog.contactEmail = contactEmail
        exportDialog.ask(draftId)
    }

    objectName: "outboxScreen"
    title: qsTr("Outbox")

    OutboxListModel {
        id: outbox

        language: UiLanguage.code
    }

    Label {
        objectName: "outboxEmpty"
        visible: outbox.count === 0
        anchors.centerIn: parent
        width: parent.width - 48
        text: qsTr("Nothing to send. Finished submissions wait here until they are delivered.")
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        opacity: 0.7
    }

    ListView {
        objectName: "outboxList"
        anchors.fill: parent
        anchors.bottomMargin: sendNow.visible ? sendNow.height + 24 : 0
        clip: true
        model: outbox

        delegate: ItemDelegate {
            id: entry

            required property int draftId
            required property string title
            required property int state
            required property int reason
            required property string nextTry
            required property real fraction
            required property string rate
            required property string receivedAt
            required property string receiptHash
            required property string size
            required property string submissionId
            required property string issuingBody
            required property string callTitle
            required property bool callClosed
            required property string contactEmail
            required property bool uploadStarted
            required property int copyId
            required property bool canTryAgain
            required property bool canCopy
            required property bool canOpenDraft
            required property bool canRemove
            required property int index

            readonly property bool needsAttention: entry.state === OutboxListModel.NeedsAttention

            objectName: "outbox_" + entry.index
            width: ListView.view.width
            Accessible.name: entry.title

            contentItem: ColumnLayout {
                spacing: 4

                Label {
                    text: entry.title
                    font.weight: Font.Medium
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "outboxCall_" + entry.index
                    visible: entry.callTitle.length > 0
                    text: entry.callTitle
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "outboxCallClosed_" + entry.index
                    visible: entry.callClosed
                    text: qsTr("This call has closed since, so this submission is not sent unless the secretariat opens the call again. Your draft stays in Drafts, where you can export it.")
                    color: Material.color(Material.Orange, Material.Shade800)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                ProgressBar {
                    objectName: "outboxProgress_" + entry.index
                    visible: entry.state === OutboxListModel.Uploading
                    value: entry.fraction
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "outboxStatus_" + entry.index
                    text: entry.state === OutboxListModel.Delivered
                          ? qsTr("Delivered %1 · receipt %2").arg(entry.receivedAt).arg(entry.receiptHash)
                          : entry.state === OutboxListModel.Uploading
                            ? root.sendingText(entry.fraction, entry.size, entry.rate) // qmllint disable unqualified
                            : root.reasonText(entry.reason, entry.nextTry) // qmllint disable unqualified
                    color: entry.state === OutboxListModel.Delivered ? Material.color(Material.Green, Material.Shade800)
                                                                     : entry.needsAttention
                                                                       ? Material.color(Material.Red) : Material.foreground
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "outboxContact_" + entry.index
                    visible: entry.needsAttention && entry.reason === OutboxListModel.Refused
                    text: root.refusedHelp(entry.issuingBody, entry.contactEmail, entry.submissionId) // qmllint disable unqualified
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "outboxCopyMade_" + entry.index
                    visible: entry.copyId >= 0
                    text: qsTr("An editable copy is in Drafts.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Flow {
                    visible: entry.canTryAgain || entry.canCopy || entry.canOpenDraft || entry.canRemove
                             || entry.state !== OutboxListModel.Uploading
                    spacing: 8
                    Layout.fillWidth: true

                    Button {
                        objectName: "outboxTryAgain_" + entry.index
                        visible: entry.canTryAgain
                        flat: true
                        text: qsTr("Try again now")
                        Accessible.name: qsTr("Try again now to send “%1”").arg(entry.title)
                        onClicked: outbox.tryAgain(entry.draftId) // qmllint disable unqualified
                    }

                    Button {
                        objectName: "outboxCopy_" + entry.index
                        visible: entry.canCopy && entry.copyId < 0
                        flat: true
                        text: qsTr("Make an editable copy")
                        Accessible.name: qsTr("Make an editable copy of “%1”").arg(entry.title)
                        onClicked: outbox.makeEditableCopy(entry.draftId) // qmllint disable unqualified
                    }

                    Button {
                        objectName: "outboxOpenCopy_" + entry.index
                        visible: entry.copyId >= 0
                        flat: true
                        text: qsTr("Open the copy")
                        Accessible.name: qsTr("Open the editable copy of “%1”").arg(entry.title)
                        onClicked: root.draftChosen(entry.copyId) // qmllint disable unqualified
                    }

                    Button {
                        objectName: "outboxOpenDraft_" + entry.index
                        visible: entry.canOpenDraft
                        flat: true
                        text: qsTr("Open the draft")
                        Accessible.name: qsTr("Open the draft of “%1”").arg(entry.title)
                        onClicked: root.draftChosen(entry.draftId) // qmllint disable unqualified
                    }

                    // When no endpoint can be reached: the sealed envelope to carry there by hand
                    // (and, after it, the readable copy), in the export dialog.
                    Button {
                        objectName: "outboxSendYourself_" + entry.index
                        visible: entry.state !== OutboxListModel.Delivered
                                 && entry.state !== OutboxListModel.Uploading
                                 && entry.reason !== OutboxListModel.LocalFileDamaged
                                 && entry.reason !== OutboxListModel.CallClosed
                                 && entry.reason !== OutboxListModel.CallWithdrawn
                        flat: true
                        text: qsTr("Send it yourself…")
                        Accessible.name: qsTr("Save “%1” as a sealed envelope to send yourself").arg(entry.title)
                        onClicked: root.sendYourself(entry.draftId, entry.contactEmail) // qmllint disable unqualified
                    }

                    Button {
                        objectName: "outboxReceipt_" + entry.index
                        visible: entry.state === OutboxListModel.Delivered
                        flat: true
                        text: qsTr("Receipt")
                        Accessible.name: qsTr("The receipt of “%1”").arg(entry.title)
                        onClicked: receiptDialog.show(entry.draftId) // qmllint disable unqualified
                    }

                    Button {
                        objectName: "outboxRemove_" + entry.index
                        visible: entry.canRemove
                        flat: true
                        text: qsTr("Remove from the outbox")
                        Accessible.name: qsTr("Remove “%1” from the outbox").arg(entry.title)
                        onClicked: confirmRemove.ask(entry.draftId, // qmllint disable unqualified
                                                     root.removalText(entry.title, entry.reason, // qmllint disable unqualified
                                                                      entry.uploadStarted,
                                                                      entry.canCopy && entry.copyId < 0))
                    }
                }
            }
        }
    }

    ProblemText {
        objectName: "outboxCopyProblem"
        problem: outbox.copyProblem
        visible: outbox.copyProblem !== Problem.None
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: sendNow.visible ? sendNow.top : parent.bottom
        anchors.margins: 16
    }

    PrimaryButton {
        id: sendNow

        objectName: "sendNowButton"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        visible: outbox.pendingCount > 0
        text: qsTr("Send now")
        Accessible.name: text
        onClicked: outbox.sendNow()
    }

    ReceiptDialog {
        id: receiptDialog
    }

    ExportDialog {
        id: exportDialog
    }

    Dialog {
        id: confirmRemove

        property int draftId: -1
        property string message

        function ask(draftId: int, message: string) {
            confirmRemove.draftId = draftId
            confirmRemove.message = message
            confirmRemove.open()
        }

        objectName: "confirmRemoveFromOutbox"
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 400)
        modal: true
        title: qsTr("Remove from the outbox?")
        // Without a shadow: the software renderer draws no elevation effect, nor its background.
        Material.elevation: 0

        // A layout, not a bare Label: see the drafts screen's dialog (no binding loop).
        contentItem: ColumnLayout {
            Label {
                objectName: "confirmRemoveMessage"
                text: confirmRemove.message
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        footer: DialogButtonBox {
            Button {
                objectName: "cancelRemoveButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                onClicked: confirmRemove.reject()
            }

            Button {
                objectName: "confirmRemoveButton"
                text: qsTr("Remove")
                flat: true
                Accessible.name: qsTr("Remove from the outbox")
                onClicked: confirmRemove.accept()
            }
        }

        onAccepted: outbox.remove(confirmRemove.draftId)
    }
}
