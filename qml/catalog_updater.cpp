#include "catalog_updater.h"

#include "app_context.h"
#include "calls/catalog_cache.h"
#include "connectivity.h"
#include "net/http_client.h"

#include <memory>

namespace amicus::app {

CatalogUpdater::CatalogUpdater(AppContext& context,
                               std::vector<crypto::Ed25519PublicKey> trustedKeys,
                               std::filesystem::path cacheDir, QObject* parent)
    : QObject(parent), context_(context), trustedKeys_(std::move(trustedKeys)),
      cacheDir_(std::move(cacheDir))
{
    worker_.setMaxThreadCount(1);
}

CatalogUpdater::~CatalogUpdater()
{
    // A refresh still running posts its result back to this object: let it end first.
    worker_.waitForDone();
}

void CatalogUpdater::loadCached()
{
    if (trustedKeys_.empty()) {
        return;
    }
    auto cached = calls::CatalogCache(cacheDir_).load(trustedKeys_);
    if (!cached) {
        return;
    }
    held_ = cached->held;
    context_.setCatalog(std::make_shared<const calls::Catalog>(std::move(cached->catalog)));
}

void CatalogUpdater::watch(platform::Connectivity* connectivity)
{
    connect(connectivity, &platform::Connectivity::statusChanged, this,
            [this](platform::NetworkStatus status) {
                if (status.reachable) {
                    refreshNow();
                }
            });
    if (connectivity->status().reachable) {
        refreshNow();
    }
}

void CatalogUpdater::refreshNow()
{
    const auto catalog = context_.catalog();
    if (trustedKeys_.empty() || running_ || catalog->calls.empty()) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (lastAttempt_ != std::chrono::steady_clock::time_point{} &&
        now - lastAttempt_ < minimumInterval_) {
        return;
    }
    lastAttempt_ = now;
    running_ = true;
    // The catalog is published beside the endpoint of the calls it lists.
    calls::RefreshSource source;
    source.origin = origin_.empty() ? catalog->calls.front().origin() : origin_;
    source.pinnedPublicKeys = catalog->calls.front().tlsPins;
    const calls::HeldCatalog held = held_;
    const auto keys = trustedKeys_;
    worker_.start([this, source, held, keys] {
        const net::HttpClient http;
        auto result = std::make_shared<calls::RefreshResult>(
            calls::CatalogRefresher(http, keys, source).refresh(held));
        QMetaObject::invokeMethod(this, [this, result] { finish(std::move(*result)); });
    });
}

void CatalogUpdater::finish(calls::RefreshResult result)
{
    running_ = false;
    if (result.outcome == calls::RefreshOutcome::Updated && result.catalog) {
        // Keep it first: a catalog shown but not kept would vanish at the next start.
        if (calls::CatalogCache(cacheDir_).save(result)) {
            held_ = {result.catalog->sequence, result.etag};
            context_.setCatalog(std::make_shared<const calls::Catalog>(std::move(*result.catalog)));
        }
    } else if (result.outcome == calls::RefreshOutcome::NotModified) {
        held_.etag = result.etag;
    }
    emit refreshFinished(result.outcome);
}

} // namespace amicus::app
