// DraftFinalizer: turns a stored draft into its submission envelope (DESIGN.md, "Inside the
// envelope") to the call's recipients and queues it in the outbox — the one way the app and
// amicusctl finalize.
#pragma once

#include "calls/catalog.h"
#include "common/result.h"
#include "package/package_error.h"
#include "package/submission_package.h"
#include "store/vault_session.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace amicus::submission {

enum class FinalizeErrc {
    AlreadyFinalized, // the draft is already in the outbox
    NoConsent,        // the publication choice has not been made
    Store,            // the vault store failed (see storeError)
    Package,          // packaging failed (see packageError)
};

struct FinalizeError {
    FinalizeErrc code = FinalizeErrc::Store;
    store::StoreError storeError;
    package::PackageError packageError;
};

// Packs draft `draftId` into DataLayout::outboxDir / <submission id>.age, encrypted to `recipients`
// (the call's, or others for local endpoints and tests), records it in the outbox as Queued and
// marks the draft finalized. Safe on any thread while the session lives: it opens its own
// connection to the session's database (the session's store() stays its opener's). Questions come
// from `call` in the submission's language; answers to questions the call no longer has keep their
// id as heading.
[[nodiscard]] Result<package::EnvelopeInfo, FinalizeError>
finalizeDraft(store::VaultSession& session, const std::filesystem::path& dataDir,
              std::int64_t draftId, const calls::Call& call,
              const std::vector<std::string>& recipients,
              const package::PackageWriteOptions& options = {});

} // namespace amicus::submission
