// DraftDocument: a draft as the readable document its author exports (ODT or PDF) to send by
// e-mail when no endpoint can be reached: the same sections, order and text the secretariat
// reads (package::layoutSubmission over packageFromDraft), with the submitter block kept
// whatever the publication choice (it is their own draft, for them to send), the author named
// in the document's metadata, and the file's name. Plain C++: the app only renders the layout
// (Qt's text engine) and writes the file.
#pragma once

#include "calls/catalog.h"
#include "crypto/age_keys.h"
#include "package/readable_layout.h"
#include "store/vault_store.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace amicus::submission {

struct DraftDocument {
    package::ReadableLayout layout;
    // The author for the document's metadata: the organization, or empty for an anonymous
    // submission (a forwarded file should not name its author where the reader does not look).
    std::string author;
    // "amicus-<call id>-<yyyy-mm-dd-hhmm>" in local time: only public words, so the name gives
    // nothing away.
    std::string fileStem;
};

// The document of `draft`. `call` is the draft's call in the catalog, or nullptr when it was
// withdrawn (its answers keep their question ids as headings). The attachments are listed from
// the vault records; none is decrypted. `now` dates the file name.
[[nodiscard]] DraftDocument draftDocument(const store::Draft& draft, const calls::Call* call,
                                          const store::VaultStore& store,
                                          const crypto::X25519Identity& vaultIdentity,
                                          std::chrono::system_clock::time_point now);

// A name no entry in `directory` has yet: `stem` + `extension` (".odt"), else
// `stem`-2 + `extension`, -3, ...
[[nodiscard]] std::string freshFileName(const std::filesystem::path& directory,
                                        std::string_view stem, std::string_view extension);

} // namespace amicus::submission
