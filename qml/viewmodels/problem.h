// Problem: the reasons a request can fail, as the UI names them to the user (ProblemText.qml
// says each in the user's language). View models map core's typed errors onto these.
#pragma once

#include "store/login_error.h"
#include "store/store_error.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace Problem {
Q_NAMESPACE
QML_ELEMENT

enum Code {
    None,
    PassphraseTooShort,
    PassphrasesDiffer,
    WrongPassphrase,
    RateLimited,  // too many wrong attempts: wait, then try again
    KeyRefused,   // the phone's key store declined to open the vault: try again
    KeyLost,      // the phone's key store lost the vault's key: the data cannot open here
    DamagedData,  // the vault or database is damaged; nothing was changed
    NewerVersion, // the data was written by a newer Amicus
    DiskFull,     // the edit was not saved; what was saved before is intact
    FileTooLarge, // an attachment is over the call's limit
    FileUnreadable,
    TooManyFiles,     // the call accepts no more attachments
    VaultLocked,      // the vault locked itself; unlock to go on
    FolderUnwritable, // an export could not be written to the chosen folder
    DraftFinalized,   // the draft was sent or waits to be sent: it can no longer change
    Unexpected,
};
Q_ENUM_NS(Code)

// The problem a store error means for the user.
[[nodiscard]] Code fromStoreError(amicus::store::StoreErrc code);
// The problem a failed set-up, unlock or passphrase change means for the user.
[[nodiscard]] Code fromLoginError(const amicus::store::LoginError& error);

} // namespace Problem
