import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Amicus

// Writing a submission: who submits, in which language, one answer per key question, files,
// and whether it may be published. Every change is saved, encrypted, as it is typed. Once the
// submission is in the outbox (waiting to be sent, or delivered) the same page shows it
// read-only, with a line saying why: what was sealed then is what goes. Taken out of the
// outbox, it will not go: the line says so and offers an editable copy, which opens here.
Page {
    id: root

    required property int draftId
    // How much of the page the on-screen keyboard covers (0 with none); a property of its own so
    // that a test can show the keyboard a desktop does not have. (Qt 6.4's qmllint sees
    // Qt.inputMethod as a plain QObject.)
    // qmllint disable
    property real keyboardHeight: Qt.inputMethod.visible ? Qt.inputMethod.keyboardRectangle.height : 0
    // qmllint enable
    // The field being typed in and what must show with it (an answer's word count), kept in
    // view above the keyboard.
    property var typingField: null
    property var typingFooter: null

    signal reviewRequested(int draftId)

    function startTyping(field: var, footer: var) {
        root.typingField = field
        root.typingFooter = footer
        revealLater.restart()
    }

    // Scrolls the field's cursor line and its footer into the part of the page the keyboard
    // leaves; a field taller than that keeps its cursor line in view.
    function revealTyping() {
        const field = root.typingField
        const footer = root.typingFooter
        if (!field || !footer || !field.activeFocus)
            return
        const flick = scroller.contentItem as Flickable
        const content = flick.contentItem
        const cursor = field.cursorRectangle
        const top = field.mapToItem(content, 0, cursor.y).y - 8
        let bottom = footer.mapToItem(content, 0, footer.height).y + 8
        if (bottom - top > flick.height)
            bottom = field.mapToItem(content, 0, cursor.y + cursor.height).y + 8
        let y = flick.contentY
        if (bottom > y + flick.height)
            y = bottom - flick.height
        if (top < y)
            y = top
        flick.contentY = Math.max(0, Math.min(y, flick.contentHeight - flick.height))
    }

    onKeyboardHeightChanged: revealLater.restart()

    // Once the layout has followed the change (the keyboard's margin, a new line).
    Timer {
        id: revealLater

        interval: 0
        onTriggered: root.revealTyping()
    }

    function dataSize(bytes: real): string {
        // Reading the language here makes every binding that shows a size follow a switch
        // (a binding depends on what the functions it calls read).
        return UiLanguage.code.length > 0 ? UiLanguage.dataSize(bytes) : ""
    }

    objectName: "draftEditorScreen"
    title: qsTr("Draft")

    DraftEditor {
        id: editor

        draftId: root.draftId
        // The copy opens here, in place of the submission it was made from.
        onCopyMade: copyId => root.draftId = copyId
    }

    // Leaving the app: the text still being saved is on disk before the OS may end it.
    Connections {
        target: AppPresence

        function onSaveRequested() {
            editor.saveNow()
        }
    }

    CallDetails {
        id: call

        callId: editor.callId
        language: UiLanguage.code
    }

    header: Label {
        objectName: "saveState"
        padding: 8
        leftPadding: 16
        text: editor.removedFromOutbox ? qsTr("This submission was taken out of the outbox and will not be sent. It stays as it was when you sent it; to change it and send it again, make an editable copy.")
              : editor.finalized ? qsTr("This submission has been sent or is waiting to be sent, so it can no longer be changed. What you see here is what the secretariat receives.")
              : editor.saveState === DraftEditor.Saved ? qsTr("Saved, encrypted on this device")
              : problemText.describe(editor.problem)
        color: editor.finalized ? Material.color(Material.BlueGrey, Material.Shade900)
                                : editor.saveState === DraftEditor.Saved ? Material.color(Material.Green, Material.Shade800)
                                                                         : Material.color(Material.Red)
        wrapMode: Text.WordWrap
        background: Rectangle {
            color: editor.finalized ? Material.color(Material.BlueGrey, Material.Shade50)
                                    : editor.saveState === DraftEditor.Saved ? Material.color(Material.Green, Material.Shade50)
                                                                             : Material.color(Material.Red, Material.Shade50)
        }
        Accessible.role: Accessible.StaticText
        Accessible.name: text

        ProblemText {
            id: problemText

            Layout.fillWidth: true

            problem: Problem.None
            visible: false
        }
    }

    ScrollView {
        id: scroller

        anchors.fill: parent
        // Above the on-screen keyboard: what it covers can still be scrolled to. The footer
        // is under the keyboard's top part already.
        anchors.bottomMargin: Math.max(0, root.keyboardHeight - (editorFooter.visible ? editorFooter.height : 0))
        contentWidth: availableWidth
        Component.onCompleted: scroller.contentItem.objectName = "editorFlickable"

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 8

            Label {
                text: call.title
                font.weight: Font.Medium
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.margins: 16
                Layout.bottomMargin: 0
            }

            // A submission taken out of the outbox can only change as a copy.
            PrimaryButton {
                objectName: "makeEditableCopyButton"
                visible: editor.removedFromOutbox
                text: qsTr("Make an editable copy")
                Accessible.name: text
                Accessible.description: qsTr("Opens a new draft with the same answers and files, which you can change and send")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onClicked: editor.makeEditableCopy()
            }

            ProblemText {
                objectName: "copyProblem"
                // Why the copy could not be made (a refused write is no news here).
                problem: editor.removedFromOutbox && editor.saveState === DraftEditor.Failed
                         && editor.problem !== Problem.DraftFinalized ? editor.problem : Problem.None
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            SectionHeading {
                text: qsTr("Who is submitting")
            }

            TextField {
                id: organizationField

                objectName: "organizationField"
                // A finger's height: Material's field is 43 px high.
                implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                readOnly: editor.finalized
                text: editor.organization
                placeholderText: qsTr("Organization or name")
                Accessible.name: qsTr("Organization or name")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onTextEdited: editor.organization = text
                // A saved text comes in with the cursor at its end: show its beginning instead.
                onTextChanged: if (!organizationField.activeFocus) organizationField.cursorPosition = 0
                onActiveFocusChanged: if (organizationField.activeFocus) root.startTyping(organizationField, organizationField)
            }

            ComboBox {
                id: kind

                readonly property var codes: ["ngo", "nhri", "academic", "individual", "government", "un", "other"]

                objectName: "organizationKindField"
                model: [qsTr("Non-governmental organization"), qsTr("National human rights institution"),
                    qsTr("Academic or research institution"), qsTr("Individual"), qsTr("State or government body"),
                    qsTr("United Nations entity"), qsTr("Other")]
                enabled: !editor.finalized
                // Read again whenever the model changes: a language switch gives a new list of
                // names, and ComboBox then resets its index to the first one, which showed a
                // kind nobody chose. What is shown is what is stored (none: the placeholder).
                currentIndex: kind.model ? kind.codes.indexOf(editor.organizationKind) : -1
                displayText: currentIndex < 0 ? qsTr("Kind of organization") : currentText
                Accessible.name: qsTr("Kind of organization")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onActivated: index => editor.organizationKind = kind.codes[index]
            }

            TextField {
                id: countryField

                objectName: "countryField"
                // A finger's height: Material's field is 43 px high.
                implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                readOnly: editor.finalized
                text: editor.country
                placeholderText: qsTr("Country")
                Accessible.name: qsTr("Country")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onTextEdited: editor.country = text
                // A saved text comes in with the cursor at its end: show its beginning instead.
                onTextChanged: if (!countryField.activeFocus) countryField.cursorPosition = 0
                onActiveFocusChanged: if (countryField.activeFocus) root.startTyping(countryField, countryField)
            }

            TextField {
                id: contactField

                objectName: "contactField"
                // A finger's height: Material's field is 43 px high.
                implicitHeight: Math.max(48, contentHeight + topPadding + bottomPadding)
                readOnly: editor.finalized
                text: editor.contact
                placeholderText: qsTr("Contact (e-mail or phone)")
                inputMethodHints: Qt.ImhEmailCharactersOnly
                Accessible.name: qsTr("Contact (e-mail or phone)")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onTextEdited: editor.contact = text
                // A saved text comes in with the cursor at its end: show its beginning instead.
                onTextChanged: if (!contactField.activeFocus) contactField.cursorPosition = 0
                onActiveFocusChanged: if (contactField.activeFocus) root.startTyping(contactField, contactField)
            }

            SectionHeading {
                text: qsTr("Language of the submission")
            }

            ComboBox {
                id: languageChoice

                objectName: "submissionLanguageField"
                model: UiLanguage.available
                textRole: "name"
                valueRole: "code"
                // Read again once the model is in: before it, indexOfValue finds nothing, and
                // a draft opened at once showed an empty choice.
                currentIndex: languageChoice.count > 0 ? languageChoice.indexOfValue(editor.language) : -1
                enabled: !editor.finalized
                Accessible.name: qsTr("Language of the submission")
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onActivated: editor.language = languageChoice.currentValue
            }

            SectionHeading {
                text: qsTr("Your answers")
            }

            // Delegates below use the page's `editor`: Qt 6.4's qmllint cannot see outer ids from
            // a delegate (pragma ComponentBehavior came later).
            // qmllint disable unqualified
            Repeater {
                objectName: "answers"
                model: call.questions

                delegate: ColumnLayout {
                    id: answerBlock

                    required property var modelData
                    required property int index

                    readonly property int words: editor.countWords(answerField.text)
                    readonly property bool overLimit: editor.wordsPerAnswer > 0 && answerBlock.words > editor.wordsPerAnswer

                    spacing: 4
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16

                    Label {
                        text: (answerBlock.index + 1) + ". " + answerBlock.modelData.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }

                    TextArea {
                        id: answerField

                        property bool loaded: false

                        objectName: "answer_" + answerBlock.modelData.id
                        readOnly: editor.finalized
                        placeholderText: qsTr("Your answer")
                        wrapMode: TextEdit.Wrap
                        Accessible.name: qsTr("Answer to question %1").arg(answerBlock.index + 1)
                        Layout.fillWidth: true
                        Layout.minimumHeight: 96
                        Component.onCompleted: {
                            answerField.text = editor.answer(answerBlock.modelData.id)
                            answerField.loaded = true
                        }
                        onTextChanged: {
                            if (answerField.loaded && !editor.finalized)
                                editor.setAnswer(answerBlock.modelData.id, answerField.text)
                        }
                        onActiveFocusChanged: if (answerField.activeFocus) root.startTyping(answerField, wordCount)
                        // A new line typed at the bottom stays above the keyboard.
                        onCursorRectangleChanged: if (answerField.activeFocus) revealLater.restart()
                    }

                    Label {
                        id: wordCount

                        objectName: "wordCount_" + answerBlock.modelData.id
                        text: editor.wordsPerAnswer > 0
                              ? qsTr("%1 of %2 words").arg(answerBlock.words.toLocaleString(Qt.locale(UiLanguage.code), "f", 0))
                                                     .arg(editor.wordsPerAnswer.toLocaleString(Qt.locale(UiLanguage.code), "f", 0))
                              : qsTr("%n word(s)", "", answerBlock.words)
                        color: answerBlock.overLimit ? Material.color(Material.Red) : Material.foreground
                        opacity: answerBlock.overLimit ? 1 : 0.7
                        font.pixelSize: 12
                        Layout.alignment: Qt.AlignRight
                    }
                }
            }

            SectionHeading {
                text: qsTr("Documents and photos")
            }

            Repeater {
                objectName: "attachments"
                model: editor.attachments

                delegate: ColumnLayout {
                    id: attachmentRow

                    required property var modelData
                    required property int index

                    readonly property var locale: Qt.locale(UiLanguage.code)

                    spacing: 0
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 8

                    RowLayout {
                        Layout.fillWidth: true

                        // A Column, not a ColumnLayout: the layout kept the height the
                        // wrapping name had in a narrower first pass, a gap under one line.
                        Column {
                            Layout.fillWidth: true

                            Label {
                                objectName: "attachmentName_" + attachmentRow.index
                                text: attachmentRow.modelData.name
                                // Whole: broken at a hyphen, or anywhere when it has none.
                                wrapMode: Text.Wrap
                                width: parent.width
                            }

                            // The size that will be sent; for a smaller copy, both sizes.
                            Label {
                                objectName: "attachmentSize_" + attachmentRow.index
                                //: The original size, then the size of the smaller copy that will be sent.
                                text: attachmentRow.modelData.sendsSmaller
                                      ? qsTr("%1 → %2")
                                        .arg(root.dataSize(attachmentRow.modelData.size))
                                        .arg(root.dataSize(attachmentRow.modelData.smallerSize))
                                      : root.dataSize(attachmentRow.modelData.size)
                                font.pixelSize: 12
                                opacity: 0.7
                                Accessible.role: Accessible.StaticText
                                Accessible.name: attachmentRow.modelData.sendsSmaller
                                                 ? qsTr("Original %1, sent as a smaller copy of %2")
                                                   .arg(root.dataSize(attachmentRow.modelData.size))
                                                   .arg(root.dataSize(attachmentRow.modelData.smallerSize))
                                                 : text
                            }
                        }

                        ToolButton {
                            objectName: "removeAttachment_" + attachmentRow.index
                            visible: !editor.finalized
                            text: qsTr("Remove")
                            Accessible.name: qsTr("Remove %1").arg(attachmentRow.modelData.name)
                            onClicked: editor.removeAttachment(attachmentRow.modelData.id)
                        }
                    }

                    // Photos only: a field worker on a slow, costly link sends a lighter copy,
                    // which also leaves out the location the camera recorded.
                    Switch {
                        objectName: "sendSmallerCopy_" + attachmentRow.index
                        visible: attachmentRow.modelData.canSendSmaller
                        text: qsTr("Send a smaller copy")
                        checked: attachmentRow.modelData.sendsSmaller || attachmentRow.modelData.reducing
                        enabled: !editor.finalized && !attachmentRow.modelData.reducing
                                 && !attachmentRow.modelData.originalTooLarge
                        Accessible.name: qsTr("Send a smaller copy of %1").arg(attachmentRow.modelData.name)
                        Accessible.description: smallerCopyHint.text
                        Layout.fillWidth: true
                        Layout.leftMargin: -8
                        onToggled: editor.setSendSmallerCopy(attachmentRow.modelData.id, checked)
                        // No drop shadow on the knob: its shader effect hides the knob under the
                        // software renderer.
                        Component.onCompleted: indicator.Material.elevation = 0
                    }

                    Label {
                        id: smallerCopyHint

                        objectName: "smallerCopyHint_" + attachmentRow.index
                        visible: attachmentRow.modelData.canSendSmaller
                        text: attachmentRow.modelData.reducing
                              ? qsTr("Making the smaller copy…")
                              : attachmentRow.modelData.originalTooLarge
                                ? qsTr("The original is larger than the call accepts, so only the smaller copy can be sent. It also removes the location recorded in the photo.")
                                : qsTr("At most %1 pixels on the long side. It also removes the location recorded in the photo.")
                                  .arg(editor.smallerCopyLongEdge.toLocaleString(attachmentRow.locale, "f", 0))
                        font.pixelSize: 12
                        opacity: 0.7
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        Layout.rightMargin: 8
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }
            }

            Label {
                text: qsTr("Up to %1 files of at most %2 each.")
                      .arg(editor.attachmentsPerSubmission.toLocaleString(Qt.locale(UiLanguage.code), "f", 0))
                      .arg(root.dataSize(editor.bytesPerAttachment))
                visible: editor.attachmentsPerSubmission > 0 && !editor.finalized
                font.pixelSize: 12
                opacity: 0.7
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Button {
                objectName: "addAttachmentButton"
                visible: !editor.finalized
                text: qsTr("Attach a document or photo")
                Accessible.name: text
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onClicked: filePicker.open()
            }

            // qmllint enable unqualified

            SectionHeading {
                text: qsTr("Publication")
            }

            Label {
                text: call.useOfInputs
                wrapMode: Text.WordWrap
                font.pixelSize: 13
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            ButtonGroup {
                id: consentGroup
            }

            RadioButton {
                objectName: "consentPublic"
                enabled: !editor.finalized
                text: qsTr("It may be published with our name")
                checked: editor.consent === DraftEditor.Public
                ButtonGroup.group: consentGroup
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: editor.consent = DraftEditor.Public
            }

            RadioButton {
                objectName: "consentAnonymous"
                enabled: !editor.finalized
                text: qsTr("It may be published without our name")
                checked: editor.consent === DraftEditor.Anonymous
                ButtonGroup.group: consentGroup
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: editor.consent = DraftEditor.Anonymous
            }

            RadioButton {
                objectName: "consentConfidential"
                enabled: !editor.finalized
                text: qsTr("It must stay confidential")
                checked: editor.consent === DraftEditor.Confidential
                ButtonGroup.group: consentGroup
                Accessible.name: text
                Layout.leftMargin: 8
                onClicked: editor.consent = DraftEditor.Confidential
            }

            Item {
                Layout.preferredHeight: 8
            }
        }
    }

    // The way on stays in view below the form, so no screen size or language cuts it: "Review
    // and send", or, for a closed call, why not and the document export instead.
    footer: Pane {
        id: editorFooter

        objectName: "editorFooter"
        visible: !editor.finalized
        padding: 0

        // Flat: the elevation effect draws past the window's bottom edge.
        background: Rectangle {
            color: editorFooter.Material.backgroundColor
        }

        contentItem: ColumnLayout {
            spacing: 8

            Rectangle {
                color: Material.dividerColor
                implicitHeight: 1
                Layout.fillWidth: true
            }

            Label {
                objectName: "callClosedNotice"
                visible: call.found && !call.open
                text: qsTr("This call is closed, so this draft cannot be sent. It stays here, and you can still export it as a document.")
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            Button {
                objectName: "closedCallExportButton"
                visible: call.found && !call.open
                text: qsTr("Export as a document…")
                Accessible.name: qsTr("Export as a document")
                // No shadow: its effect layer reaches far below the window's bottom edge.
                Material.elevation: 0
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.bottomMargin: 8
                onClicked: exportDialog.ask(root.draftId)
            }

            PrimaryButton {
                objectName: "reviewButton"
                visible: !call.found || call.open
                text: qsTr("Review and send")
                Accessible.name: text
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.bottomMargin: 8
                onClicked: root.reviewRequested(root.draftId)
            }
        }
    }

    ExportDialog {
        id: exportDialog

        contactEmail: call.contactEmail
        contactSubject: call.contactSubject
    }

    FileDialog {
        id: filePicker

        objectName: "filePicker"
        title: qsTr("Attach a document or photo")
        onAccepted: editor.addAttachment(filePicker.selectedFile)
    }
}
