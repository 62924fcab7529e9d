// CatalogUpdater: keeps the app's catalog current — the cached signed copy at start, then a
// refresh from the endpoint whenever the network is usable, at most once per interval.
#pragma once

#include "calls/catalog_refresher.h"
#include "crypto/ed25519.h"

#include <QObject>
#include <QThreadPool>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace amicus::platform {
class Connectivity;
}

namespace amicus::app {

class AppContext;

class CatalogUpdater : public QObject {
    Q_OBJECT

public:
    // Catalogs are accepted only when signed by one of `trustedKeys`; with none, the built-in
    // catalog stays and nothing is fetched.
    // The catalog it puts in place is `context`'s.
    CatalogUpdater(AppContext& context, std::vector<crypto::Ed25519PublicKey> trustedKeys,
                   std::filesystem::path cacheDir, QObject* parent = nullptr);
    ~CatalogUpdater() override;

    // Puts the cached catalog, if it still verifies, in place of the built-in one.
    void loadCached();
    // Refreshes when `connectivity` says the network is usable, now and on every change.
    void watch(platform::Connectivity* connectivity);
    // Fetches from the endpoint of the current catalog, off the UI thread; refreshFinished follows.
    void refreshNow();

    void setMinimumInterval(std::chrono::seconds interval) { minimumInterval_ = interval; }
    // Fetch from this origin ("http://127.0.0.1:1080") instead of the current catalog's
    // endpoint (tests, and deployments that publish the catalog elsewhere).
    void setOrigin(std::string origin) { origin_ = std::move(origin); }

signals:
    void refreshFinished(amicus::calls::RefreshOutcome outcome);

private:
    void finish(calls::RefreshResult result);

    AppContext& context_;
    std::vector<crypto::Ed25519PublicKey> trustedKeys_;
    std::filesystem::path cacheDir_;
    calls::HeldCatalog held_;
    std::string origin_;
    std::chrono::seconds minimumInterval_{std::chrono::hours(6)};
    std::chrono::steady_clock::time_point lastAttempt_{};
    bool running_ = false;
    QThreadPool worker_;
};

} // namespace amicus::app
