// SampleVault: a throwaway data directory holding an unlocked vault with realistic content in
// one language (qml/sample_content.h) — a draft with a document and a photo sent as a smaller
// copy, and a finalized submission in the outbox — for `amicus --screenshot --sample`. It is
// built with the calls the app itself makes (VaultSession, VaultStore, PhotoReducer,
// finalizeDraft), in a new temporary directory that is never the user's and is removed with
// the object. Nothing is sent: no network is used.
#pragma once

#include "calls/catalog.h"
#include "common/result.h"
#include "crypto/vault.h"
#include "store/vault_session.h"

#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace amicus::app {

class SampleVault {
public:
    enum class Errc {
        TemporaryDirectory, // the temporary directory could not be made
        Store,              // the vault or its store failed (detail says which step)
        Photo,              // the photo's smaller copy could not be made
        Finalize,           // the finished submission could not be packed into the outbox
    };
    struct Error {
        Errc code = Errc::Store;
        std::string detail; // for the command line; never personal (there is nothing personal)
    };

    // Makes the directory and the vault under a fixed internal passphrase, then fills it with
    // the sample in `language` ("en", "fr", "es") answering `call`. The session stays open.
    [[nodiscard]] static Result<std::unique_ptr<SampleVault>, Error>
    create(const QString& language, const calls::Call& call);

    ~SampleVault();
    SampleVault(const SampleVault&) = delete;
    SampleVault& operator=(const SampleVault&) = delete;

    // The vault's options (a low scrypt cost: the passphrase protects nothing).
    [[nodiscard]] static crypto::VaultOptions vaultOptions();

    [[nodiscard]] std::filesystem::path dataDir() const;
    // The open session, once: the app's context takes it over. Close it before this object
    // goes (the directory goes with it).
    [[nodiscard]] std::unique_ptr<store::VaultSession> takeSession();
    // The draft being written (the editor, review and export screens show it).
    [[nodiscard]] std::int64_t draftId() const { return draftId_; }
    // The finished submission, queued in the outbox.
    [[nodiscard]] std::int64_t submittedDraftId() const { return submittedDraftId_; }

private:
    SampleVault();

    QTemporaryDir directory_;
    std::unique_ptr<store::VaultSession> session_;
    std::int64_t draftId_ = -1;
    std::int64_t submittedDraftId_ = -1;
};

} // namespace amicus::app
