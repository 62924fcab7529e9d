// PackageError: the typed failures of building or opening a submission package (the tar in
// its age envelope), which the UI and the command-line tools translate for people.
#pragma once

#include "common/result.h"

#include <string>

namespace amicus::package {

enum class PackageErrc {
    InvalidInput,      // the input is not a valid submission (bad id, no recipients, ...)
    InvalidRecipient,  // a recipient string is not an age X25519 recipient
    AttachmentChanged, // an attachment is missing, or its bytes differ from its record
    Io,                // a file could not be read, written, synced or renamed
    DiskFull,          // no space left (or the file size limit hit); nothing was left behind
    Cancelled,         // the caller's cancellation was observed; nothing was left behind
    Archive,           // libarchive failed to write or parse the tar
    Crypto,            // the crypto library failed while encrypting or decrypting
    // Reader side.
    NotForThisIdentity, // the envelope is age but none of the identities can open it
    Tampered,           // the envelope does not authenticate (header MAC, a payload chunk)
    Truncated,          // the envelope ends before its last authenticated chunk
    NotAnEnvelope,      // the file is not an age v1 file
    UnsafeEntry,        // the tar holds a link, device, absolute path, `..` or unknown file
    BadManifest,        // submission.json is missing, too large or not the format we write
    AttachmentMismatch, // an extracted attachment's size or SHA-256 differs from the manifest
    DestinationExists,  // the extraction directory already exists
    SparseEntry,        // a tar entry is stored sparse (GNU or pax): its holes would be written
    EntryLargerThanManifest, // an entry is larger than submission.json says it is
    LargerThanEnvelope,      // the entries would unpack to more bytes than the envelope holds
    ManifestNotFirst,        // an entry comes before submission.json (the writer puts it first)
    TooManyEntries,          // submission.json lists more attachments than the reader accepts
};

// A typed error plus a detail for logs; the detail names files by their package path only.
struct PackageError {
    PackageErrc code = PackageErrc::Io;
    std::string detail;
    int sysErrno = 0; // errno behind an I/O failure, when known
};

template <typename T>
using PackageResult = Result<T, PackageError>;

// Stable English name of an error code, for logs and command-line output.
[[nodiscard]] const char* packageErrcName(PackageErrc code);

} // namespace amicus::package
