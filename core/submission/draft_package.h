// Draft → SubmissionPackage: the one place that says what a stored draft amounts to as a
// submission (finalize packs it; the app's export lays it out for reading).
#pragma once

#include "calls/catalog.h"
#include "crypto/age_keys.h"
#include "package/submission_package.h"
#include "store/vault_store.h"

namespace amicus::submission {

// The publication choice as the package spells it.
[[nodiscard]] package::PublicationConsent toPublicationConsent(store::Consent consent);

// The submission that `draft` stands for. Questions come from `call` in the submission's
// language (English when the draft has none); answers to questions the call no longer has
// keep their id as heading and follow the call's questions. A draft without a publication
// choice yet is treated as Confidential (the most protective reading; finalize refuses such a
// draft before it gets here). Each attachment's opener decrypts its vault blob with
// `vaultIdentity`, which (like `store`) must outlive the returned package's use of it.
[[nodiscard]] package::SubmissionPackage
packageFromDraft(const store::Draft& draft, const calls::Call& call, const store::VaultStore& store,
                 const crypto::X25519Identity& vaultIdentity);

} // namespace amicus::submission
