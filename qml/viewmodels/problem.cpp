#include "problem.h"

namespace Problem {

Code fromStoreError(amicus::store::StoreErrc code)
{
    using amicus::store::StoreErrc;
    switch (code) {
    case StoreErrc::WrongPassphrase:
        return WrongPassphrase;
    case StoreErrc::RateLimited:
        return RateLimited;
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

} // namespace Problem
