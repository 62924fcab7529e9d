import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
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
        case SubmissionReview.AttachmentTooLarge:
            return qsTr("The attached file “%1” is %2; the call accepts files up to %3.")
                .arg(issue.attachment).arg(UiLanguage.dataSize(issue.count)).arg(UiLanguage.dataSize(issue.limit))
        }
        return ""
    }

    SubmissionReview {
        id: review

        draftId: root.draftId
        onSent: root.sent()
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

        Item {
            Layout.fillHeight: true
        }

        Button {
            objectName: "exportButton"
            text: qsTr("Export as a document…")
            flat: true
            Accessible.name: qsTr("Export as a document")
            Layout.fillWidth: true
            onClicked: exportDialog.ask(root.draftId)
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

    ExportDialog {
        id: exportDialog
    }
}
