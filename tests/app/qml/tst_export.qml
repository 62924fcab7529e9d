import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Export from the review screen and from the drafts list: the unencrypted warning comes first
// and nothing is written until the user confirms; then the dialog says where the file is, or
// names the problem.
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"

    name: "Export"
    width: 412
    height: 780
    visible: true
    when: windowShown

    Component {
        id: reviewScreenComponent

        ReviewScreen {
            width: 412
            height: 780
        }
    }

    Component {
        id: draftsScreenComponent

        DraftsScreen {
            width: 412
            height: 780
        }
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function newDraft() {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "fr")
        verify(draftId >= 0)
        editor.setAnswer("use-of-force-framework", "Une réponse exportée")
        return draftId
    }

    // The screen's exporter, pointed at an empty folder of its own instead of the user's
    // Documents.
    function exporterOf(screen) {
        const exporter = findChild(screen, "draftExport")
        verify(exporter, "the export dialog's DraftExport")
        const probe = TestSupport.writeFile("probe.txt", 1).toString()
        exporter.directoryUrl = probe.substring(0, probe.lastIndexOf("/"))
        return exporter
    }

    function checkNamed(item) {
        verify(item, "control exists")
        verify(item.objectName.length > 0)
        verify(item.Accessible.name.length > 0, item.objectName + " has an accessible name")
    }

    function test_export_asks_first_then_says_where_the_file_is_data() {
        return [{tag: "odt", choice: "exportOdt", extension: ".odt"},
                {tag: "pdf", choice: "exportPdf", extension: ".pdf"}]
    }

    function test_export_asks_first_then_says_where_the_file_is(data) {
        const screen = createTemporaryObject(reviewScreenComponent, root, {draftId: newDraft()})
        const exporter = exporterOf(screen)
        const button = findChild(screen, "exportButton")
        checkNamed(button)
        verify(button.visible && button.enabled)
        mouseClick(button)
        const dialog = findChild(screen, "exportDialog")
        tryCompare(dialog, "opened", true)
        verify(findChild(screen, "exportWarning").visible)
        for (const name of ["exportOdt", "exportPdf", "exportChooseFolder", "exportCancel", "exportConfirm"]) {
            const control = findChild(screen, name)
            checkNamed(control)
            verify(control.visible, name + " is shown")
        }

        // Cancelling writes nothing.
        mouseClick(findChild(screen, "exportCancel"))
        tryCompare(dialog, "visible", false)
        wait(100)
        verify(!exporter.busy)
        compare(exporter.exportedPath, "")

        mouseClick(button)
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(screen, data.choice))
        mouseClick(findChild(screen, "exportConfirm"))
        tryVerify(() => exporter.exportedPath.length > 0, 30000)
        verify(exporter.exportedPath.endsWith(data.extension), exporter.exportedPath)
        compare(exporter.problem, Problem.None)
        // The dialog stays, now saying where the file is.
        verify(dialog.visible)
        const result = findChild(screen, "exportResult")
        tryCompare(result, "visible", true)
        verify(result.text.indexOf(exporter.exportedPath) >= 0)
        verify(!findChild(screen, "exportWarning").visible)
        const close = findChild(screen, "exportClose")
        checkNamed(close)
        mouseClick(close)
        tryCompare(dialog, "visible", false)
    }

    function test_an_unwritable_folder_is_named_and_can_be_retried() {
        const screen = createTemporaryObject(reviewScreenComponent, root, {draftId: newDraft()})
        const exporter = exporterOf(screen)
        // A folder inside a regular file cannot exist, whoever runs the test.
        exporter.directoryUrl = TestSupport.writeFile("plain.txt", 1).toString() + "/inside"
        mouseClick(findChild(screen, "exportButton"))
        const dialog = findChild(screen, "exportDialog")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(screen, "exportConfirm"))
        tryCompare(exporter, "problem", Problem.FolderUnwritable, 30000)
        const problem = findChild(screen, "exportProblem")
        tryCompare(problem, "visible", true)
        verify(problem.text.length > 0)
        compare(exporter.exportedPath, "")
        compare(findChild(screen, "exportResult").visible, false)

        // Back to the choice, another folder, and it works.
        const retry = findChild(screen, "exportRetry")
        checkNamed(retry)
        mouseClick(retry)
        tryCompare(findChild(screen, "exportWarning"), "visible", true)
        exporterOf(screen)
        mouseClick(findChild(screen, "exportConfirm"))
        tryVerify(() => exporter.exportedPath.length > 0, 30000)
        compare(exporter.problem, Problem.None)
    }

    function test_a_draft_in_the_list_exports_too() {
        const draftId = newDraft()
        const screen = createTemporaryObject(draftsScreenComponent, root)
        const exportItem = findChild(screen, "exportDraft_0")
        checkNamed(exportItem)
        const exporter = exporterOf(screen)
        mouseClick(exportItem)
        const dialog = findChild(screen, "exportDialog")
        tryCompare(dialog, "opened", true)
        compare(exporter.draftId, draftId)
        mouseClick(findChild(screen, "exportPdf"))
        mouseClick(findChild(screen, "exportConfirm"))
        tryVerify(() => exporter.exportedPath.length > 0, 30000)
        verify(exporter.exportedPath.endsWith(".pdf"))
    }
}
