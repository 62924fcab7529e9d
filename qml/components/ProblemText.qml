import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Amicus

// Says in the user's language why the last vault request failed; hidden when nothing did.
Label {
    id: root

    required property int problem

    function describe(problem: int): string {
        switch (problem) {
        case Session.PassphraseTooShort:
            return qsTr("The passphrase must have at least %n characters.", "", Session.minimumPassphraseLength)
        case Session.PassphrasesDiffer:
            return qsTr("The two passphrases are not the same.")
        case Session.WrongPassphrase:
            return qsTr("That passphrase is not right. Check it and try again.")
        case Session.RateLimited:
            return qsTr("Too many wrong attempts. Wait a moment, then try again.")
        case Session.DamagedData:
            return qsTr("The encrypted data on this device is damaged. Nothing was changed.")
        case Session.NewerVersion:
            return qsTr("This data was written by a newer version of Amicus. Update the app to open it.")
        case Session.DiskFull:
            return qsTr("This device is full. Free some space, then try again.")
        case Session.Unexpected:
            return qsTr("Something went wrong. Nothing was lost; try again.")
        }
        return ""
    }

    visible: root.problem !== Session.None
    text: root.describe(root.problem)
    color: Material.color(Material.Red)
    wrapMode: Text.WordWrap
    Layout.fillWidth: true
    Accessible.role: Accessible.AlertMessage
}
