import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// Before sending: every problem named exactly, then what will be sent — the call and who reads
// it, who sends it, the publication choice, each answer's length, the files and their size, how
// it will leave — then "Send when online". Or, when no endpoint can be reached, an unencrypted
// ODT or PDF copy to send by e-mail (after a plain warning).
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
                .arg(issue.question).arg(root.number(issue.count)).arg(root.number(issue.limit))
        case SubmissionReview.TooManyAttachments:
            return qsTr("There are %1 attached files; the call accepts %2.").arg(root.number(issue.count)).arg(root.number(issue.limit))
        case SubmissionReview.AttachmentTooLarge:
            return qsTr("The attached file “%1” is %2; the call accepts files up to %3.")
                .arg(issue.attachment).arg(UiLanguage.dataSize(issue.count)).arg(UiLanguage.dataSize(issue.limit))
        }
        return ""
    }

    // The publication choice as the secretariat will apply it (docs/secretariat.md, publish):
    // the submitter block always travels, encrypted; what changes is what may be made public.
    function consentText(consent: int): string {
        switch (consent) {
        case DraftEditor.Public:
            return qsTr("It may be published with your organization or name and your country. Your contact details are never published.")
        case DraftEditor.Anonymous:
            return qsTr("It may be published without your organization or name, your country or your attached files. The secretariat still receives them, encrypted.")
        case DraftEditor.Confidential:
            return qsTr("It will not be published. Only the secretariat reads it.")
        }
        return qsTr("Not chosen yet.")
    }

    function policyText(policy: int): string {
        switch (policy) {
        case AppSettings.UnmeteredOnly:
            return qsTr("It leaves only over Wi-Fi or another unmetered network (see Settings).")
        case AppSettings.Manual:
            return qsTr("It waits in the outbox until you press “Send now” (see Settings).")
        }
        return qsTr("It leaves over the first network available (see Settings).")
    }

    // A count in the user's language ("2,501", "2 501", "2501").
    function number(value: double): string {
        return value.toLocaleString(Qt.locale(UiLanguage.code), "f", 0)
    }

    function wordsText(words: int, limit: int): string {
        if (words === 0)
            return qsTr("Not answered")
        if (limit <= 0)
            return qsTr("%n word(s)", "", words)
        return words > limit ? qsTr("%1 words: too long, the call accepts %2").arg(root.number(words)).arg(root.number(limit))
                             : qsTr("%1 of %2 words").arg(root.number(words)).arg(root.number(limit))
    }

    SubmissionReview {
        id: review

        objectName: "submissionReview"
        draftId: root.draftId
        onSent: root.sent()
    }

    CallDetails {
        id: call

        callId: review.callId
        language: UiLanguage.code
    }

    // A caption and what it says, one fact of the summary.
    component Fact: ColumnLayout {
        property alias caption: captionLabel.text
        property alias value: valueLabel.text
        property alias valueColor: valueLabel.color

        spacing: 2
        Layout.fillWidth: true

        Label {
            id: captionLabel

            font.pixelSize: 13
            opacity: 0.7
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Label {
            id: valueLabel

            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    StackView.onActivated: review.refresh()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ScrollView {
            id: scroller

            objectName: "reviewScroll"
            contentWidth: availableWidth
            clip: true
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                x: 16
                width: scroller.availableWidth - 32
                spacing: 12

                Item {
                    implicitHeight: 4
                }

                Label {
                    objectName: "reviewSummary"
                    text: review.issues.length === 0
                          ? qsTr("Ready. Your submission will be encrypted so that only the secretariat can read it, then sent as soon as a network allows.")
                          : qsTr("Before sending, please fix:")
                    font.weight: review.issues.length === 0 ? Font.Normal : Font.Medium
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

                Label {
                    objectName: "reviewLate"
                    visible: call.late
                    text: qsTr("The deadline has passed (%1). You can still send, but your submission will arrive late.").arg(call.deadline)
                    color: Material.color(Material.Orange, Material.Shade800)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                ProblemText {
                    objectName: "reviewProblem"
                    Layout.fillWidth: true
                    problem: review.problem
                }

                SectionHeading {
                    objectName: "reviewSentHeading"
                    text: qsTr("What will be sent")
                    Layout.leftMargin: 0
                    Layout.rightMargin: 0
                }

                Fact {
                    objectName: "reviewCall"
                    caption: qsTr("Call for input")
                    value: call.found ? call.title : qsTr("This call is no longer offered.")
                }

                Fact {
                    objectName: "reviewReader"
                    caption: qsTr("Encrypted for the secretariat of")
                    value: call.issuingBody
                    visible: call.found
                }

                Fact {
                    objectName: "reviewSender"
                    caption: qsTr("From")
                    value: review.organization.length > 0 ? review.organization : qsTr("Organization or name not given")
                    valueColor: review.organization.length > 0 ? Material.foreground : Material.color(Material.Red)
                }

                Fact {
                    objectName: "reviewCountry"
                    caption: qsTr("Country")
                    value: review.country.length > 0 ? review.country : qsTr("Not given")
                    valueColor: review.country.length > 0 ? Material.foreground : Material.color(Material.Red)
                }

                Fact {
                    objectName: "reviewConsent"
                    caption: qsTr("Publication")
                    value: root.consentText(review.consent)
                    valueColor: review.consent === DraftEditor.Unset ? Material.color(Material.Red) : Material.foreground
                }

                Label {
                    objectName: "reviewAnswersCaption"
                    text: qsTr("Answers")
                    font.pixelSize: 13
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                // The delegates read the screen's review and call (ids outside the delegate).
                // qmllint disable unqualified
                Repeater {
                    objectName: "reviewAnswers"
                    model: call.questions

                    delegate: ColumnLayout {
                        id: answerItem

                        required property var modelData
                        required property int index
                        readonly property int words: review.answerWords[answerItem.modelData.id] ?? 0
                        readonly property bool overLimit: call.wordsPerAnswer > 0 && answerItem.words > call.wordsPerAnswer

                        objectName: "reviewAnswer_" + answerItem.index
                        spacing: 2
                        Layout.fillWidth: true

                        Label {
                            objectName: "reviewQuestion_" + answerItem.index
                            text: (answerItem.index + 1) + ". " + answerItem.modelData.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }

                        Label {
                            objectName: "reviewAnswerWords_" + answerItem.index
                            text: root.wordsText(answerItem.words, call.wordsPerAnswer)
                            font.pixelSize: 13
                            color: answerItem.overLimit ? Material.color(Material.Red) : Material.foreground
                            opacity: answerItem.words === 0 ? 0.7 : 1
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                }

                // qmllint enable unqualified

                Fact {
                    objectName: "reviewAttachments"
                    caption: qsTr("Attached files")
                    value: review.attachmentCount === 0
                           ? qsTr("None")
                           : qsTr("%n file(s), %1 to send", "", review.attachmentCount).arg(UiLanguage.dataSize(review.attachmentBytes))
                }

                Label {
                    objectName: "reviewSmallerCopies"
                    visible: review.smallerCopyCount > 0
                    text: qsTr("%n photo(s) sent as a smaller copy", "", review.smallerCopyCount)
                    font.pixelSize: 13
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.topMargin: -10
                }

                Fact {
                    objectName: "reviewSending"
                    caption: qsTr("Sending")
                    value: root.policyText(AppSettings.sendingPolicy)
                }

                Item {
                    implicitHeight: 4
                }
            }
        }

        // Where the summary scrolls under the buttons, a line says there is more of it.
        Rectangle {
            objectName: "reviewScrollEdge"
            visible: scroller.contentHeight > scroller.availableHeight
            color: Material.dividerColor
            implicitHeight: 1
            Layout.fillWidth: true
        }

        ColumnLayout {
            spacing: 8
            Layout.fillWidth: true
            Layout.margins: 16
            Layout.topMargin: 8

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
    }

    ExportDialog {
        id: exportDialog

        contactEmail: call.contactEmail
        contactSubject: call.contactSubject
    }
}
