import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Amicus

// Says in the user's language why the last request failed; hidden when nothing did.
Label {
    id: root

    required property int problem

    function describe(problem: int): string {
        switch (problem) {
        case Problem.PassphraseTooShort:
            return qsTr("The passphrase must have at least %n characters.", "", Session.minimumPassphraseLength)
        case Problem.PassphrasesDiffer:
            return qsTr("The two passphrases are not the same.")
        case Problem.WrongPassphrase:
            return qsTr("That passphrase is not right. Check it and try again.")
        case Problem.RateLimited:
            return qsTr("Too many wrong attempts. Wait a moment, then try again.")
        case Problem.KeyRefused:
            return qsTr("This device did not let Amicus use the key that protects your data. Unlock the device, then try again.")
        case Problem.KeyLost:
            return qsTr("This device no longer has the key that protects your data, so it cannot be opened here. Nothing was deleted.")
        case Problem.DamagedData:
            return qsTr("The encrypted data on this device is damaged. Nothing was changed.")
        case Problem.NewerVersion:
            return qsTr("This data was written by a newer version of Amicus. Update the app to open it.")
        case Problem.DiskFull:
            return qsTr("This device is full. Free some space, then try again.")
        case Problem.FileTooLarge:
            return qsTr("This file is larger than the call accepts.")
        case Problem.FileUnreadable:
            return qsTr("This file could not be read.")
        case Problem.TooManyFiles:
            return qsTr("This call accepts no more attachments.")
        case Problem.VaultLocked:
            return qsTr("Amicus locked itself. Unlock it to go on; nothing was lost.")
        case Problem.FolderUnwritable:
            return qsTr("The document could not be saved in this folder. Choose another folder, then try again.")
        case Problem.DraftFinalized:
            return qsTr("This submission has been sent or is waiting to be sent, so it can no longer be changed.")
        case Problem.Unexpected:
            return qsTr("Something went wrong. Nothing was lost; try again.")
        }
        return ""
    }

    visible: root.problem !== Problem.None
    text: root.describe(root.problem)
    color: Material.color(Material.Red)
    wrapMode: Text.WordWrap
    Accessible.role: Accessible.AlertMessage
}
