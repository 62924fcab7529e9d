import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// Submissions on their way out: progress while sending, why one waits, the receipt once the
// secretariat has it, and what to do when one needs attention.
Page {
    id: root

    function refresh() {
        outbox.refresh()
    }

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
        case OutboxListModel.TooLarge:
            return qsTr("The secretariat's server does not accept a submission this large. Remove or shrink attachments in a copy of the draft.")
        case OutboxListModel.Refused:
            return qsTr("The secretariat's server refused the submission. Contact the secretariat.")
        case OutboxListModel.EndpointUnsafe:
            return qsTr("The server could not prove it is the secretariat's. Nothing was sent; try another network.")
        case OutboxListModel.CaptivePortal:
            return qsTr("This network needs you to sign in first (a Wi-Fi login page). Sign in, then press “Send now”.")
        case OutboxListModel.ReceiptInvalid:
            return qsTr("The server's receipt could not be verified. Press “Send now” to ask again.")
        case OutboxListModel.CallWithdrawn:
            return qsTr("This call is no longer offered.")
        case OutboxListModel.LocalFileDamaged:
            return qsTr("The encrypted file on this device is damaged.")
        }
        return qsTr("Queued.")
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

            required property string title
            required property int state
            required property int reason
            required property string nextTry
            required property real fraction
            required property string rate
            required property string receivedAt
            required property string receiptHash
            required property string size
            required property int index

            objectName: "outbox_" + entry.index
            width: ListView.view.width
            Accessible.name: entry.title

            contentItem: ColumnLayout {
                spacing: 4

                Label {
                    text: entry.title
                    font.weight: Font.Medium
                    elide: Text.ElideRight
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
                            ? qsTr("Sending: %1% of %2 %3").arg(Math.floor(entry.fraction * 100)).arg(entry.size).arg(entry.rate)
                            : root.reasonText(entry.reason, entry.nextTry) // qmllint disable unqualified
                    color: entry.state === OutboxListModel.Delivered ? Material.color(Material.Green, Material.Shade800)
                                                                     : entry.state === OutboxListModel.NeedsAttention
                                                                       ? Material.color(Material.Red) : Material.foreground
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }
        }
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
}
