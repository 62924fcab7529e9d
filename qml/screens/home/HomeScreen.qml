import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// What an unlocked user comes back to: the calls, the drafts, the outbox and the settings.
Page {
    id: root

    signal callChosen(string callId)
    signal draftChosen(int draftId)

    // Shows tab `tab` (a Navigator.Tab: the tabs are in that order).
    function showTab(tab: int) {
        tabs.currentIndex = tab
    }

    // A tab whose label shrinks a little rather than being cut (Spanish "Convocatorias").
    component FittingTab: TabButton {
        id: tab

        leftPadding: 4
        rightPadding: 4

        contentItem: Label {
            text: tab.text
            font: tab.font
            // Two lines before a smaller size ("Bandeja de salida" at 360 px); never cut.
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            fontSizeMode: Text.Fit
            minimumPixelSize: 10
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            color: !tab.enabled ? tab.Material.hintTextColor
                                : tab.down || tab.checked ? tab.Material.accentColor
                                                          : tab.Material.foreground
        }
    }

    objectName: "homeScreen"
    title: [callsScreen.title, draftsScreen.title, outboxScreen.title, settingsScreen.title][tabs.currentIndex]

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        CallsScreen {
            id: callsScreen

            onCallChosen: callId => root.callChosen(callId)
        }

        DraftsScreen {
            id: draftsScreen

            onDraftChosen: draftId => root.draftChosen(draftId)
        }

        OutboxScreen {
            id: outboxScreen

            onDraftChosen: draftId => root.draftChosen(draftId)
        }

        SettingsScreen {
            id: settingsScreen
        }
    }

    footer: TabBar {
        id: tabs

        objectName: "homeTabs"
        // Remembered for after a lock.
        onCurrentIndexChanged: Navigator.tabShown(tabs.currentIndex)
        // Mixed case takes less room than Material's capitals: French and Spanish labels fit.
        font.capitalization: Font.MixedCase
        font.pixelSize: 13

        FittingTab {
            objectName: "callsTab"
            text: qsTr("Calls")
            Accessible.name: text
        }

        FittingTab {
            objectName: "draftsTab"
            text: qsTr("Drafts")
            Accessible.name: text
        }

        FittingTab {
            objectName: "outboxTab"
            //: A tab label: keep it short, the four tabs share a phone's width.
            text: qsTr("Outbox", "tab")
            Accessible.name: text
        }

        FittingTab {
            objectName: "settingsTab"
            text: qsTr("Settings")
            Accessible.name: text
        }
    }
}
