import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Export on the review screen: the unencrypted warning comes first and nothing is written
// until the user confirms; then the screen says where the file is.
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
        id: editorComponent

        DraftEditor {}
    }

    function init() {
        TestSupport.useFreshDataDirectory()
        Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
        tryCompare(Session, "state", Session.Unlocked, 10000)
    }

    function newScreen() {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "fr")
        verify(draftId >= 0)
        editor.setAnswer("use-of-force-framework", "Une réponse exportée")
        const screen = createTemporaryObject(reviewScreenComponent, root, {draftId: draftId})
        // An empty folder of its own instead of the user's Documents.
        const probe = TestSupport.writeFile("probe.txt", 1).toString()
        const exporter = findChild(screen, "draftExport")
        verify(exporter, "the screen's DraftExport")
        exporter.directoryUrl = probe.substring(0, probe.lastIndexOf("/"))
        return screen
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
        const screen = newScreen()
        const exporter = findChild(screen, "draftExport")
        const button = findChild(screen, "exportButton")
        checkNamed(button)
        verify(button.visible && button.enabled)
        mouseClick(button)
        const dialog = findChild(screen, "exportDialog")
        tryCompare(dialog, "opened", true)
        verify(findChild(screen, "exportWarning").text.indexOf("NOT") >= 0)
        for (const name of ["exportOdt", "exportPdf", "exportChooseFolder", "exportCancel", "exportConfirm"])
            checkNamed(findChild(screen, name))

        // Cancelling writes nothing.
        mouseClick(findChild(screen, "exportCancel"))
        tryCompare(dialog, "visible", false)
        wait(100)
        verify(!exporter.busy)
        compare(exporter.exportedPath, "")
        compare(findChild(screen, "exportResult").visible, false)

        mouseClick(button)
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(screen, data.choice))
        mouseClick(findChild(screen, "exportConfirm"))
        tryVerify(() => exporter.exportedPath.length > 0, 30000)
        verify(exporter.exportedPath.endsWith(data.extension), exporter.exportedPath)
        compare(exporter.problem, Problem.None)
        const result = findChild(screen, "exportResult")
        tryCompare(result, "visible", true)
        verify(result.text.indexOf(exporter.exportedPath) >= 0)
    }

    function test_an_unwritable_folder_is_named() {
        const screen = newScreen()
        const exporter = findChild(screen, "draftExport")
        // A folder inside a regular file cannot exist, whoever runs the test.
        exporter.directoryUrl = TestSupport.writeFile("plain.txt", 1).toString() + "/inside"
        mouseClick(findChild(screen, "exportButton"))
        const dialog = findChild(screen, "exportDialog")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(screen, "exportConfirm"))
        tryCompare(exporter, "problem", Problem.FolderUnwritable, 30000)
        const problem = findChild(screen, "exportProblem")
        verify(problem.visible)
        verify(problem.text.length > 0)
        compare(exporter.exportedPath, "")
    }
}
