import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// What an unlocked user comes back to: the calls, the drafts and the settings, one tab each.
Page {
    id: root

    signal callChosen(string callId)
    signal draftChosen(int draftId)

    // Shows the tab with this objectName ("callsTab", "draftsTab", "settingsTab").
    function showTab(name: string) {
        for (let i = 0; i < tabs.count; ++i) {
            if (tabs.itemAt(i).objectName === name)
                tabs.currentIndex = i
        }
    }

    function refresh() {
        draftsScreen.refresh()
    }

    objectName: "homeScreen"
    title: [callsScreen.title, draftsScreen.title, settingsScreen.title][tabs.currentIndex]

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
            objectName: "settingsTab"
            text: qsTr("Settings")
            Accessible.name: text
        }
    }
}
