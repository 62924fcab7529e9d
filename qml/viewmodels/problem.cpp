#include "problem.h"

namespace Problem {

Code fromStoreError(amicus::store::StoreErrc code)
{
    using amicus::store::StoreErrc;
    switch (code) {
    case StoreErrc::Corrupt:
        return DamagedData;
    case StoreErrc::NewerVersion:
        return NewerVersion;
    case StoreErrc::DiskFull:
        return DiskFull;
    case StoreErrc::TooLarge:
        return FileTooLarge;
    case StoreErrc::Io:
        return FileUnreadable;
    case StoreErrc::Locked:
        return VaultLocked;
    case StoreErrc::Finalized:
        return DraftFinalized;
    default:
        return Unexpected;
    }
}

Code fromLoginError(const amicus::store::LoginError& error)
{
    using amicus::store::LoginErrc;
    switch (error.code) {
    case LoginErrc::WrongPassphrase:
        return WrongPassphrase;
    case LoginErrc::RateLimited:
        return RateLimited;
    case LoginErrc::KeyRefused:
        return KeyRefused;
    case LoginErrc::KeyLost:
        return KeyLost;
    case LoginErrc::Store:
        return fromStoreError(error.store.code);
    case LoginErrc::NoVault:
    case LoginErrc::AlreadyExists:
        break;
    }
    return Unexpected;
}

} // namespace Problem
