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

    // Shows the tab with this objectName ("callsTab", "draftsTab", "outboxTab", "settingsTab").
    function showTab(name: string) {
        for (let i = 0; i < tabs.count; ++i) {
            if (tabs.itemAt(i).objectName === name)
                tabs.currentIndex = i
        }
    }

    function refresh() {
        draftsScreen.refresh()
        outboxScreen.refresh()
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
        }

        SettingsScreen {
            id: settingsScreen
        }
    }

    footer: TabBar {
        id: tabs

        objectName: "homeTabs"

        TabButton {
            objectName: "callsTab"
            text: qsTr("Calls")
            Accessible.name: text
        }

        TabButton {
            objectName: "draftsTab"
            text: qsTr("Drafts")
            Accessible.name: text
            onClicked: draftsScreen.refresh()
        }

        TabButton {
            objectName: "outboxTab"
            text: qsTr("Outbox")
            Accessible.name: text
            onClicked: outboxScreen.refresh()
        }

        TabButton {
            objectName: "settingsTab"
            text: qsTr("Settings")
            Accessible.name: text
        }
    }
}
