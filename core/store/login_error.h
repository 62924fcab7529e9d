// LoginError: why a data directory could not be set up or unlocked. Kept apart from StoreError,
// which says what went wrong with an open store: a wrong passphrase or a missing vault is an
// answer to the person at the keyboard, not a failure of the database.
#pragma once

#include "common/result.h"
#include "crypto/vault.h"
#include "store/store_error.h"

#include <chrono>
#include <string>

namespace amicus::store {

enum class LoginErrc {
    NoVault,         // the data directory holds no vault yet (run set-up / `amicusctl init`)
    AlreadyExists,   // set-up asked for where a vault already exists
    WrongPassphrase, // the vault did not open with that passphrase (counts as a failed attempt)
    RateLimited,     // too soon after failed attempts; see LoginError::retryAfter
    KeyRefused,      // the phone's key store declined to open the vault (try again)
    KeyLost,         // the phone's key store lost the vault's key: it cannot open here any more
    Store,           // the vault files or the database failed; LoginError::store says how
};

struct LoginError {
    LoginErrc code = LoginErrc::Store;
    std::string detail; // for logs and developers; never a personal value
    // For Store: the typed failure (Corrupt, NewerVersion, DiskFull, Io, ...).
    StoreError store;
    // For RateLimited: the earliest time the next attempt is allowed.
    std::chrono::system_clock::time_point retryAfter{};
};

template <typename T>
using LoginResult = Result<T, LoginError>;

// Stable English name for logs and command-line output: the login codes by their own names
// ("wrong-passphrase"), a Store failure by the store's ("corrupt").
[[nodiscard]] const char* loginErrcName(const LoginError& error);

// A failure of the vault files (opening, unlocking, setting up) in the login vocabulary.
[[nodiscard]] LoginError loginErrorFromVault(const crypto::VaultFailure& failure);
// A failure of the store behind a vault that did unlock.
[[nodiscard]] LoginError loginErrorFromStore(StoreError error);

} // namespace amicus::store
