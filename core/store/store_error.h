// StoreError: the typed failures of the vault store, which the UI translates for the user.
// Why a vault did not open (wrong passphrase, no vault yet, ...) is a LoginError (login_error.h).
#pragma once

#include "common/result.h"

#include <string>

namespace amicus::store {

enum class StoreErrc {
    Internal,        // any other SQLite failure (detail names the operation)
    Locked,          // the vault is locked: personal values can be neither sealed nor opened
    NotFound,        // no draft, attachment or outbox entry with that id
    NewerVersion,    // the database was written by a newer Amicus; it was left untouched
    Corrupt,         // the database file, or a sealed value in it, is damaged
    DiskFull,        // no space left (or the file size limit hit); the edit was not saved
    TooLarge,        // an attachment is over the call's size limit
    Io,              // a file could not be read, written or opened
    Busy,            // another process holds the database for too long
    InvalidArgument, // a value the store does not accept (e.g. an unknown consent)
    Finalized,       // the draft is sealed in the outbox (waiting or delivered): no more edits
};

// A typed error plus a detail for logs and developers. The detail never holds personal values.
struct StoreError {
    StoreErrc code = StoreErrc::Internal;
    std::string detail;
    int sqliteCode = 0; // extended SQLite result code, when SQLite reported the failure
    int sysErrno = 0;   // errno behind an I/O failure, when known
};

template <typename T>
using StoreResult = Result<T, StoreError>;

// Stable English name of an error code, for logs and command-line output.
[[nodiscard]] const char* errcName(StoreErrc code);

} // namespace amicus::store
