import QtQuick
import QtQuick.Controls
import QtTest
import Amicus
import AmicusTest

// Every screen and dialog of the app's window at 360×640, in each language, over a real vault
// (a draft with a file, a submission in the outbox): every interactive item has an objectName
// (tests find items by it, never by their English label) and an Accessible.name (screen
// readers announce it), is at least 48×48 device-independent pixels (a finger), nothing runs
// off the window's sides and nothing scrolls sideways. The walk counts what it checked, so a
// screen that shows less than it should fails. CMake runs this file again at QT_SCALE_FACTOR
// 2 and 3 (app.qml.touch_scale2/3).
TestCase {
    id: root

    readonly property string callId: "hrc54-emler-reimagining-policing"
    readonly property real finger: 48
    // The vault every screen shows (made once per data directory).
    property int draftId: -1
    property int submissionId: -1

    name: "Accessibility"
    when: windowShown

    Component {
        id: mainComponent

        Main {
            width: 360
            height: 640
        }
    }

    Component {
        id: editorComponent

        DraftEditor {}
    }

    Component {
        id: reviewComponent

        SubmissionReview {}
    }

    Component {
        id: callComponent

        CallDetails {}
    }

    function cleanup() {
        UiLanguage.code = "en"
    }

    // A draft filled in as a user would (answers, a file, a choice of publication).
    function writeDraft(organization) {
        const editor = createTemporaryObject(editorComponent, root)
        const draftId = editor.createDraft(root.callId, "en")
        verify(draftId >= 0)
        editor.organization = organization
        editor.country = "Senegal"
        editor.contact = "desk@example.org"
        editor.consent = DraftEditor.Public
        const call = createTemporaryObject(callComponent, root, {callId: root.callId})
        editor.setAnswer(call.questions[0].id, "Community policing cut complaints by half.")
        verify(editor.addAttachment(TestSupport.writeFile("field-notes.txt", 2048)))
        compare(editor.saveState, DraftEditor.Saved)
        return draftId
    }

    // An unlocked vault with a draft and a queued submission; the set-up screen needs none,
    // the unlock screen a locked one.
    function useVault(state) {
        if (state === Session.Setup) {
            TestSupport.useFreshDataDirectory()
            root.draftId = -1
            return
        }
        if (root.draftId < 0) {
            TestSupport.useFreshDataDirectory()
            Session.create("quiet harbour seven lamps", "quiet harbour seven lamps")
            tryCompare(Session, "state", Session.Unlocked, 10000)
            root.submissionId = writeDraft("Red Ribbon")
            const review = createTemporaryObject(reviewComponent, root, {draftId: root.submissionId})
            compare(review.issues.length, 0)
            review.send()
            tryCompare(review, "busy", false, 20000)
            compare(review.problem, Problem.None)
            root.draftId = writeDraft("Blue Door")
        }
        if (state === Session.Locked && Session.state === Session.Unlocked)
            Session.lock()
        if (state === Session.Unlocked && Session.state === Session.Locked) {
            Session.unlock("quiet harbour seven lamps")
            tryCompare(Session, "state", Session.Unlocked, 10000)
        }
        tryCompare(Session, "state", state, 10000)
    }

    // Controls are recognised by what they can do: the accessible role is only set while an
    // assistive technology is running, and instanceof does not see QML-defined control types.
    function isInteractive(item) {
        const button = "clicked" in item && "pressed" in item && "checkable" in item
        const editable = "cursorPosition" in item && "readOnly" in item && !item.readOnly
        const chooser = "currentIndex" in item && "popup" in item
        const ranged = "stepSize" in item && "value" in item
        return button || editable || chooser || ranged
    }

    function isText(item) {
        return "elide" in item && "wrapMode" in item && "lineCount" in item
    }

    function describe(item) {
        return (item.objectName || String(item)) + " '" + (item.text || "") + "'"
    }

    // Walks the visible items under `item` into `report`: interactive items counted, checked
    // for a name, a finger's size and their place in the window; texts for their place;
    // flickables for sideways scrolling.
    function walk(item, window, report) {
        if (!item || !item.visible || item.opacity === 0)
            return report
        if ("flickableDirection" in item && item.contentWidth > item.width + 1)
            report.scrolling.push(describe(item) + " " + item.contentWidth + " > " + item.width)
        const interactive = isInteractive(item)
        if (interactive || isText(item)) {
            const left = item.mapToItem(window.contentItem, 0, 0).x
            // A text that neither wraps nor elides runs past its own box.
            const width = isText(item) && item.elide === Text.ElideNone && item.wrapMode === Text.NoWrap
                    ? Math.max(item.width, item.contentWidth) : item.width
            if (width > 0 && (left < -0.5 || left + width > window.width + 0.5))
                report.clipped.push(describe(item) + " x " + Math.round(left) + "…" + Math.round(left + width))
        }
        if (interactive) {
            report.seen += 1
            if (item.objectName.length === 0 || item.Accessible.name.length === 0)
                report.unnamed.push(describe(item))
            if (item.width < root.finger - 0.5 || item.height < root.finger - 0.5)
                report.small.push(describe(item) + " " + item.width.toFixed(1) + "×" + item.height.toFixed(1))
            return report // a control's own parts (a SpinBox's text field...) are the control's
        }
        for (let i = 0; i < item.children.length; ++i)
            walk(item.children[i], window, report)
        return report
    }

    function newReport() {
        return {seen: 0, unnamed: [], small: [], clipped: [], scrolling: []}
    }

    function checkReport(report, what, floor) {
        compare(report.unnamed.length, 0, what + ", unnamed: " + report.unnamed.join(", "))
        compare(report.small.length, 0, what + ", under 48×48: " + report.small.join(", "))
        compare(report.clipped.length, 0, what + ", past the window's side: " + report.clipped.join(", "))
        compare(report.scrolling.length, 0, what + ", scrolls sideways: " + report.scrolling.join(", "))
        verify(report.seen >= floor, what + ": " + report.seen + " interactive items walked, expected at least " + floor)
    }

    // `floor`: the interactive items the screen shows on this vault (header included; the
    // set-up's three steps), as counted in English at 360×640, so that a walk that misses
    // some fails.
    function test_every_screen_data() {
        const screens = [
            {screen: "setup", vault: Session.Setup, floor: 12},
            {screen: "unlock", vault: Session.Locked, floor: 4},
            {screen: "calls", vault: Session.Unlocked, floor: 9},
            {screen: "call", vault: Session.Unlocked, floor: 10},
            {screen: "drafts", vault: Session.Unlocked, floor: 10},
            {screen: "outbox", vault: Session.Unlocked, floor: 10},
            {screen: "settings", vault: Session.Unlocked, floor: 18},
            {screen: "editor", vault: Session.Unlocked, floor: 21},
            {screen: "review", vault: Session.Unlocked, floor: 8}
        ]
        const rows = []
        for (const language of ["en", "fr", "es"]) {
            for (const row of screens)
                rows.push({tag: row.screen + "_" + language, screen: row.screen, language: language,
                           vault: row.vault, floor: row.floor})
        }
        return rows
    }

    function test_every_screen(data) {
        useVault(data.vault)
        UiLanguage.code = data.language
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        verify(window.showScreen(data.screen, root.draftId), "no screen " + data.screen)
        const screens = findChild(window.contentItem, "screens")
        tryVerify(() => !screens.busy && screens.currentItem, 5000)
        waitForRendering(window.contentItem)
        const report = walk(window.contentItem, window, newReport())
        walk(window.header, window, report)
        // The set-up's later steps (privacy, passphrase), one at a time, as the user reaches them.
        for (const next of data.screen === "setup" ? ["setupLanguageNext", "setupPrivacyNext"] : []) {
            findChild(window.contentItem, next).clicked()
            waitForRendering(window.contentItem)
            walk(window.contentItem, window, report)
        }
        checkReport(report, data.tag, data.floor)
    }

    // Dialogs are popups: opened, their items live in the window's overlay, which the screen
    // walk above does not reach.
    function test_every_dialog_data() {
        const dialogs = [
            {dialog: "changePassphraseDialog", screen: "settings", screenObject: "settingsScreen",
             opener: "changePassphraseButton", controls: 5},
            {dialog: "eraseDialog", screen: "settings", screenObject: "settingsScreen",
             opener: "eraseEverythingButton", controls: 2},
            {dialog: "exportDialog", screen: "review", screenObject: "reviewScreen",
             opener: "exportButton", controls: 5}
        ]
        const rows = []
        for (const language of ["en", "fr", "es"]) {
            for (const row of dialogs)
                rows.push(Object.assign({tag: row.dialog + "_" + language, language: language}, row))
        }
        return rows
    }

    function test_every_dialog(data) {
        useVault(Session.Unlocked)
        UiLanguage.code = data.language
        const window = createTemporaryObject(mainComponent, root)
        verify(window)
        verify(window.showScreen(data.screen, root.draftId), "no screen " + data.screen)
        const screens = findChild(window.contentItem, "screens")
        tryVerify(() => !screens.busy && screens.currentItem, 5000)
        waitForRendering(window.contentItem)
        const screen = findChild(window.contentItem, data.screenObject)
        verify(screen, data.screenObject)
        const dialog = findChild(screen, data.dialog)
        verify(dialog, data.dialog)
        // Pressed the way a tap ends: the opener may be below the fold at 640 px.
        findChild(screen, data.opener).clicked()
        tryCompare(dialog, "opened", true)
        waitForRendering(window.contentItem)
        const report = walk(window.Overlay.overlay, window, newReport())
        checkReport(report, data.tag, data.controls)
        compare(report.seen, data.controls, data.tag + ": interactive items walked")
        dialog.close()
        tryCompare(dialog, "visible", false)
    }
}
