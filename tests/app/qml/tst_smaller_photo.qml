import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// The editor's "send a smaller copy" switch on a real vault: shown for a photo only, named for
// tests and screen readers, and once on, both sizes are shown and the choice is saved.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"
    property bool photoSaved: false

    name: "SmallerPhoto"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: editorScreenComponent

        DraftEditorScreen {
            width: 412
            height: 780
        }
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    // Something to photograph: two colours, so the picture is not empty.
    Rectangle {
        id: subject

        width: 240
        height: 180
        color: "darkred"

        Rectangle {
            width: 120
            height: 180
            color: "navy"
        }
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    // A 2400x1800 JPEG of `subject`, written next to a scratch file; returns its URL.
    function writePhoto() {
        const scratch = TestSupport.writeFile("scratch.bin", 1).toString()
        const url = scratch.substring(0, scratch.lastIndexOf("/")) + "/IMG_0007.jpg"
        root.photoSaved = false
        verify(subject.grabToImage(function (result) {
            root.photoSaved = result.saveToFile(url.replace("file://", ""))
        }, Qt.size(2400, 1800)))
        tryCompare(root, "photoSaved", true, 5000)
        return url
    }

    function controlsWithoutNames(item, found) {
        if (!item || !item.visible)
            return found
        if ("clicked" in item && "checkable" in item) {
            if (item.objectName.length === 0 || item.Accessible.name.length === 0)
                found.push(item + " '" + (item.text || "") + "'")
            return found
        }
        for (let i = 0; i < item.children.length; ++i)
            controlsWithoutNames(item.children[i], found)
        return found
    }

    function test_sizes_follow_a_language_switch() {
        const starter = createTemporaryObject(editorComponent, root)
        verify(starter.createDraft(root.callId, "en") >= 0)
        verify(starter.addAttachment(TestSupport.writeFile("annex.pdf", 1572864)))
        UiLanguage.code = "en"
        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: starter.draftId})
        compare(findChild(screen, "attachmentSize_0").text, "1.5 MB")
        UiLanguage.code = "fr"
        compare(findChild(screen, "attachmentSize_0").text, "1,5 Mo")
        UiLanguage.code = "en"
        compare(findChild(screen, "attachmentSize_0").text, "1.5 MB")
    }

    function cleanup() {
        UiLanguage.code = "en"
    }

    function test_a_photo_offers_a_smaller_copy_and_a_document_does_not() {
        const starter = createTemporaryObject(editorComponent, root)
        const draftId = starter.createDraft(root.callId, "en")
        verify(draftId >= 0)
        verify(starter.addAttachment(TestSupport.writeFile("report.pdf", 70000)))
        verify(starter.addAttachment(writePhoto()))

        const screen = createTemporaryObject(editorScreenComponent, root, {draftId: draftId})
        const pdfSwitch = findChild(screen, "sendSmallerCopy_0")
        const photoSwitch = findChild(screen, "sendSmallerCopy_1")
        verify(pdfSwitch && photoSwitch)
        verify(!pdfSwitch.visible)
        verify(photoSwitch.visible)
        // Sizes as phones show them: "68 kB", not "68.36 KiB".
        compare(findChild(screen, "attachmentSize_0").text, "68 kB")
        verify(!photoSwitch.checked)
        verify(photoSwitch.Accessible.name.indexOf("IMG_0007.jpg") >= 0)
        verify(findChild(screen, "smallerCopyHint_1").text.indexOf("location") >= 0)
        verify(findChild(screen, "smallerCopyHint_1").text.indexOf("1,600") >= 0)
        compare(controlsWithoutNames(findChild(screen, "attachments").parent, []).length, 0)

        // The way a tap ends: checked, then toggled.
        photoSwitch.checked = true
        photoSwitch.toggled()
        tryVerify(function () {
            const size = findChild(screen, "attachmentSize_1")
            return size && size.text.indexOf("→") > 0
        }, 20000)
        compare(findChild(screen, "saveState").text, "Saved, encrypted on this device")
        verify(findChild(screen, "sendSmallerCopy_1").checked)

        // Read back by another editor: the choice is in the vault.
        const reader = createTemporaryObject(editorComponent, root, {draftId: draftId})
        verify(reader.attachments[1].sendsSmaller)
        verify(reader.attachments[1].smallerSize > 0)
        compare(reader.attachments[1].sentSize, reader.attachments[1].smallerSize)

        // Off again: the original is what will be sent.
        const again = findChild(screen, "sendSmallerCopy_1")
        again.checked = false
        again.toggled()
        tryVerify(function () {
            const size = findChild(screen, "attachmentSize_1")
            return size && size.text.indexOf("→") < 0
        }, 5000)
        const last = createTemporaryObject(editorComponent, root, {draftId: draftId})
        verify(!last.attachments[1].sendsSmaller)
    }
}
