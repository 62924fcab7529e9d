// SendTestSetup: what the app's send tests start from — an unlocked vault adopted by AppContext,
// a secretariat's age identity named as the recipient of the built-in catalog's first call, and
// the real reference endpoint — and the secretariat's side at the end: the uploads the endpoint
// stored, opened with the `age` command line. Header-only, like the endpoint it runs.
#pragma once

#include "../calls/endpoint_process.h"
#include "age_extract.h"
#include "app_context.h"
#include "calls/builtin_catalog.h"
#include "calls/practice_catalog.h"
#include "crypto/age_keys.h"
#include "crypto/ed25519.h"
#include "crypto/vault.h"
#include "store/vault_session.h"
#include "test_services.h"

#include <QDateTime>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace amicus::app::testing {

class SendTestSetup {
public:
    // Everything goes under `base` (a test's temporary directory, which must outlive this).
    explicit SendTestSetup(std::filesystem::path base) : base_(std::move(base)) {}

    // Creates the vault under dataDir() with `passphrase` and hands it to AppContext, makes the
    // secretariat and its catalog, and starts the endpoint. Returns what went wrong, or an empty
    // string once all is ready: QtTest's checks cannot fail a test from inside a helper, so the
    // test checks the result with QVERIFY2(error.empty(), error.c_str()).
    // `endpointOptions` go to the endpoint's command line (e.g. {"--max-size", "30000"}).
    [[nodiscard]] std::string start(const std::string& passphrase,
                                    const std::vector<std::string>& endpointOptions = {})
    {
        options_.scryptWorkFactor = 10; // a fast key derivation: the vault is made and reopened
        AppContext& context = testContext();
        context.configure(dataDir(), options_);
        auto session = store::VaultSession::create(dataDir(), passphrase, options_);
        if (!session.ok()) {
            return "cannot create the vault";
        }
        context.adoptSession(std::move(session).value());

        auto secretariat = crypto::X25519Identity::generate();
        if (!secretariat.ok()) {
            return "cannot make the secretariat's identity";
        }
        if (!(std::ofstream(secretariatKeyFile()) << secretariat->toString() << "\n")) {
            return "cannot write the secretariat's key file";
        }
        // The seed call re-issued open, as the demo secretariat does: the seed call is closed.
        auto catalog = std::make_shared<calls::Catalog>(
            calls::builtinPracticeCatalog(QDateTime::currentSecsSinceEpoch()));
        catalog->calls.front().recipients = {secretariat->recipient().toString()};
        catalog_ = catalog;
        context.setCatalog(catalog_);

        const auto endpointDir = base_ / "endpoint";
        std::filesystem::create_directories(endpointDir / "keys");
        std::vector<std::string> command{"node", AMICUS_SERVER_MAIN};
        command.insert(command.end(), endpointOptions.begin(), endpointOptions.end());
        endpoint_ = std::make_unique<calls::testing::EndpointProcess>(command, endpointDir,
                                                                      endpointDir / "keys");
        if (endpoint_->origin().empty()) {
            return "the reference endpoint did not start";
        }
        const auto receiptKey = crypto::Ed25519PublicKey::fromBase64(endpoint_->receiptKey());
        if (!receiptKey.ok()) {
            return "the endpoint printed no valid receipt key";
        }
        receiptKey_ = receiptKey->raw();
        return {};
    }

    [[nodiscard]] std::filesystem::path dataDir() const { return base_ / "data"; }
    [[nodiscard]] const crypto::VaultOptions& vaultOptions() const { return options_; }
    // The call the secretariat issued (the built-in catalog's first), as AppContext holds it.
    [[nodiscard]] const calls::Call& call() const { return catalog_->calls.front(); }
    // Where SyncService creates its uploads, and the key the endpoint signs receipts with.
    [[nodiscard]] std::string uploadUrl() const { return endpoint_->origin() + "/files"; }
    [[nodiscard]] const std::array<std::uint8_t, 32>& receiptKey() const { return receiptKey_; }

    // The uploads' bytes as the endpoint stored them (not their .json info files).
    [[nodiscard]] std::vector<std::filesystem::path> storedUploads() const
    {
        std::vector<std::filesystem::path> stored;
        for (const auto& entry :
             std::filesystem::directory_iterator(base_ / "endpoint" / "uploads")) {
            if (entry.is_regular_file() && entry.path().extension() != ".json") {
                stored.push_back(entry.path());
            }
        }
        return stored;
    }

    // Opens `upload` as the secretariat does (`age -d` with its key, then tar) into a fresh
    // folder; returns the package's submission.json, or nothing when it does not open.
    [[nodiscard]] std::optional<std::string>
    openAsSecretariat(const std::filesystem::path& upload) const
    {
        const auto unpacked = base_ / "unpacked";
        if (!test_support::extractWithAge(secretariatKeyFile(), upload, unpacked)) {
            return std::nullopt;
        }
        std::ifstream json(unpacked / "submission.json");
        if (!json) {
            return std::nullopt;
        }
        return std::string((std::istreambuf_iterator<char>(json)), {});
    }

    // The secretariat's age identity file (age-keygen's format), as amicus-intake takes it.
    [[nodiscard]] std::filesystem::path secretariatKeyFile() const
    {
        return base_ / "secretariat.key";
    }

private:
    std::filesystem::path base_;
    crypto::VaultOptions options_;
    std::shared_ptr<const calls::Catalog> catalog_;
    std::unique_ptr<calls::testing::EndpointProcess> endpoint_;
    std::array<std::uint8_t, 32> receiptKey_{};
};

} // namespace amicus::app::testing
