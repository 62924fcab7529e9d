#include "package/package_error.h"

namespace amicus::package {

const char* packageErrcName(PackageErrc code)
{
    switch (code) {
    case PackageErrc::InvalidInput:
        return "InvalidInput";
    case PackageErrc::InvalidRecipient:
        return "InvalidRecipient";
    case PackageErrc::AttachmentChanged:
        return "AttachmentChanged";
    case PackageErrc::Io:
        return "Io";
    case PackageErrc::DiskFull:
        return "DiskFull";
    case PackageErrc::Cancelled:
        return "Cancelled";
    case PackageErrc::Archive:
        return "Archive";
    case PackageErrc::Crypto:
        return "Crypto";
    case PackageErrc::NotForThisIdentity:
        return "NotForThisIdentity";
    case PackageErrc::Tampered:
        return "Tampered";
    case PackageErrc::Truncated:
        return "Truncated";
    case PackageErrc::NotAnEnvelope:
        return "NotAnEnvelope";
    case PackageErrc::UnsafeEntry:
        return "UnsafeEntry";
    case PackageErrc::BadManifest:
        return "BadManifest";
    case PackageErrc::AttachmentMismatch:
        return "AttachmentMismatch";
    case PackageErrc::DestinationExists:
        return "DestinationExists";
    case PackageErrc::SparseEntry:
        return "SparseEntry";
    case PackageErrc::EntryLargerThanManifest:
        return "EntryLargerThanManifest";
    case PackageErrc::LargerThanEnvelope:
        return "LargerThanEnvelope";
    case PackageErrc::ManifestNotFirst:
        return "ManifestNotFirst";
    case PackageErrc::TooManyEntries:
        return "TooManyEntries";
    }
    return "Unknown";
}

} // namespace amicus::package
