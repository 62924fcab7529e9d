#include "store/login_error.h"

#include <utility>

namespace amicus::store {

const char* loginErrcName(const LoginError& error)
{
    switch (error.code) {
    case LoginErrc::NoVault:
        return "no-vault";
    case LoginErrc::AlreadyExists:
        return "already-exists";
    case LoginErrc::WrongPassphrase:
        return "wrong-passphrase";
    case LoginErrc::RateLimited:
        return "rate-limited";
    case LoginErrc::KeyRefused:
        return "key-refused";
    case LoginErrc::KeyLost:
        return "key-lost";
    case LoginErrc::Store:
        return errcName(error.store.code);
    }
    return "unknown";
}

LoginError loginErrorFromVault(const crypto::VaultFailure& failure)
{
    LoginError error;
    error.detail = "vault: " + failure.detail;
    switch (failure.code) {
    case crypto::VaultError::AlreadyExists:
        error.code = LoginErrc::AlreadyExists;
        return error;
    case crypto::VaultError::NotFound:
        error.code = LoginErrc::NoVault;
        return error;
    case crypto::VaultError::WrongPassphrase:
        error.code = LoginErrc::WrongPassphrase;
        return error;
    case crypto::VaultError::RateLimited:
        error.code = LoginErrc::RateLimited;
        error.retryAfter = failure.retryAfter;
        return error;
    case crypto::VaultError::KeyRefused:
        error.code = LoginErrc::KeyRefused;
        return error;
    case crypto::VaultError::KeyLost:
        error.code = LoginErrc::KeyLost;
        return error;
    case crypto::VaultError::Corrupt:
        error.store.code = StoreErrc::Corrupt;
        break;
    case crypto::VaultError::Locked:
        error.store.code = StoreErrc::Locked;
        break;
    case crypto::VaultError::Io:
        error.store.code = StoreErrc::Io;
        break;
    case crypto::VaultError::Backend:
        error.store.code = StoreErrc::Internal;
        break;
    }
    error.code = LoginErrc::Store;
    error.store.detail = error.detail;
    return error;
}

LoginError loginErrorFromStore(StoreError error)
{
    LoginError login;
    login.code = LoginErrc::Store;
    login.detail = error.detail;
    login.store = std::move(error);
    return login;
}

} // namespace amicus::store
