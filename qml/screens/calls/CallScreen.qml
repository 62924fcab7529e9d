import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// One call for input as its page has it: who asks, its state and deadline, why, the
// background, the key questions, how inputs are used, the limits, the call's page and
// documents, and whom to write to. "Write a submission" comes right after the state, so a
// phone reaches it without scrolling past the questions.
Page {
    id: root

    required property string callId

    signal draftRequested(string callId)

    objectName: "callScreen"
    // The header names the screen; the call's long title is the first line of the page, whole.
    //: The header of one call's page: short, a phone's header has room for a word or two.
    title: qsTr("Call")

    CallDetails {
        id: details

        callId: root.callId
        language: UiLanguage.code
    }

    component BodyText: Label {
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.leftMargin: 16
        Layout.rightMargin: 16
    }

    ScrollView {
        id: scroller

        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 12

            Item {
                Layout.preferredHeight: 4
            }

            Label {
                objectName: "callTitle"
                text: details.title
                font.pixelSize: 20
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Accessible.role: Accessible.Heading
            }

            BodyText {
                objectName: "callIssuingBody"
                text: details.issuingBody
                opacity: 0.7
            }

            BodyText {
                objectName: "callSummary"
                visible: details.summary.length > 0
                text: details.summary
                font.italic: true
            }

            BodyText {
                objectName: "callDeadline"
                text: {
                    if (!details.open)
                        return qsTr("Closed: this call no longer takes submissions. You can still read it and export your drafts.");
                    if (details.deadline.length === 0)
                        return qsTr("Deadline not stated — see the call's page");
                    if (details.late)
                        return qsTr("The deadline has passed (%1). You can still send, but your submission will arrive late.").arg(details.deadline);
                    if (details.daysLeft === 0)
                        return qsTr("Deadline: %1 · last day").arg(details.deadline);
                    return qsTr("Deadline: %1 · %n day(s) left", "", details.daysLeft).arg(details.deadline);
                }
                color: !details.open ? Material.color(Material.Red)
                                     : details.late ? Material.color(Material.Orange, Material.Shade800)
                                                    : Material.accent
                font.weight: Font.Medium
            }

            BodyText {
                objectName: "callInputsPublished"
                visible: details.inputsPublished
                text: qsTr("The inputs it received are published on the call's page.")
            }

            // Official documents the page offers without the catalog giving their addresses
            // (the seed call's Word files): named here, reached through the call's page below.
            BodyText {
                objectName: "callDocumentsOnPage"
                visible: details.documentsOnPage.length > 0
                text: {
                    // One group per format, in the catalog's order: "Word (English, Français, Español)".
                    const groups = [];
                    for (const document of details.documentsOnPage) {
                        const format = document.format === "word" ? "Word" : document.format === "pdf" ? "PDF" : "ODT";
                        const group = groups.find(g => g.format === format);
                        if (group)
                            group.names.push(document.name);
                        else
                            groups.push({format: format, names: [document.name]});
                    }
                    const listed = groups.map(g => g.format + " (" + g.names.join(", ") + ")").join("; ");
                    //: %1 lists formats and languages, e.g. "Word (English, Français, Español)".
                    return qsTr("Official documents: the call in %1, to download from the call's page.").arg(listed);
                }
            }

            // The call online: its page and its official documents, in the system browser.
            Flow {
                objectName: "callLinks"
                visible: details.pageUrl.length > 0 || details.documents.length > 0
                spacing: 0
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 8

                LinkButton {
                    objectName: "callPage"
                    text: qsTr("The call's page")
                    url: details.pageUrl
                }

                Repeater {
                    objectName: "callDocuments"
                    model: details.documents

                    delegate: LinkButton {
                        required property var modelData

                        text: modelData.format === "word" ? qsTr("%1 (Word)").arg(modelData.name)
                                                          : modelData.format === "pdf" ? qsTr("%1 (PDF)").arg(modelData.name)
                                                                                       : qsTr("%1 (ODT)").arg(modelData.name)
                        url: modelData.url
                    }
                }
            }

            BodyText {
                objectName: "callFallbackNotice"
                visible: details.showsFallbackText
                text: qsTr("Parts of this call are not yet translated and are shown in English.")
                font.italic: true
            }

            RowLayout {
                visible: details.unofficialTranslation
                spacing: 4
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16

                Label {
                    objectName: "callUnofficialTranslation"
                    text: qsTr("Our own translation, not the official text.")
                    font.italic: true
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                LinkButton {
                    objectName: "callOfficialText"
                    text: qsTr("Official text")
                    url: details.officialTextUrl
                }
            }

            PrimaryButton {
                objectName: "startDraftButton"
                visible: details.open
                text: qsTr("Write a submission")
                Accessible.name: text
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onClicked: root.draftRequested(root.callId)
            }

            SectionHeading {
                text: qsTr("Purpose")
            }

            BodyText {
                objectName: "callPurpose"
                text: details.purpose
            }

            SectionHeading {
                visible: details.background.length > 0
                text: qsTr("Background")
            }

            FoldedText {
                objectName: "callBackground"
                visible: details.background.length > 0
                text: details.background
            }

            SectionHeading {
                text: qsTr("Key questions")
            }

            BodyText {
                objectName: "callQuestionsIntro"
                visible: details.questionsIntro.length > 0
                text: details.questionsIntro
            }

            Repeater {
                objectName: "callQuestions"
                model: details.questions

                delegate: Label {
                    required property var modelData
                    required property int index

                    text: (index + 1) + ". " + modelData.text
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                }
            }

            SectionHeading {
                text: qsTr("How inputs will be used")
            }

            BodyText {
                objectName: "callUseOfInputs"
                text: details.useOfInputs
            }

            SectionHeading {
                text: qsTr("Limits")
            }

            BodyText {
                objectName: "callWordsLimit"
                text: qsTr("%1 words per answer").arg(Number(details.wordsPerAnswer).toLocaleString(Qt.locale(UiLanguage.code), "f", 0))
                      + " · " + (details.wordsLimitSet ? qsTr("limit set for this call") : qsTr("Amicus default"))
            }

            BodyText {
                objectName: "callFilesLimit"
                text: qsTr("Up to %n file(s)", "", details.attachmentsPerSubmission)
                      + " · " + (details.filesLimitSet ? qsTr("limit set for this call") : qsTr("Amicus default"))
            }

            BodyText {
                objectName: "callSizeLimit"
                text: qsTr("%1 per file").arg(details.bytesPerAttachment)
                      + " · " + (details.sizeLimitSet ? qsTr("limit set for this call") : qsTr("Amicus default"))
            }

            SectionHeading {
                visible: details.contactEmail.length > 0
                text: qsTr("Contact")
            }

            BodyText {
                objectName: "callContact"
                visible: details.contactEmail.length > 0
                text: details.contactSubject.length > 0
                      ? qsTr("The secretariat's e-mail: %1\nSubject line: %2").arg(details.contactEmail).arg(details.contactSubject)
                      : qsTr("The secretariat's e-mail: %1").arg(details.contactEmail)
                textFormat: Text.PlainText
            }

            LinkButton {
                objectName: "callWriteEmail"
                text: qsTr("Write an e-mail")
                url: details.contactUrl
                Layout.leftMargin: 8
            }

            Item {
                Layout.preferredHeight: 16
            }
        }
    }
}
