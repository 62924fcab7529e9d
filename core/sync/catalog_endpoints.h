// CatalogEndpoints: the EndpointDirectory of the app, reading each call's endpoint URL,
// receipt-signing key and TLS pins from the calls catalog, with overrides for a local endpoint,
// and whether each call still takes submissions (a closed call's entries are held back).
#pragma once

#include "calls/catalog.h"
#include "sync/outbox.h"

#include <array>
#include <optional>
#include <string>

namespace amicus::sync {

// The endpoint of one call as the catalog describes it.
[[nodiscard]] CallEndpoint endpointOfCall(const calls::Call& call);

class CatalogEndpoints : public EndpointDirectory {
public:
    // `catalog` must outlive this.
    explicit CatalogEndpoints(const calls::Catalog& catalog) : catalog_(&catalog) {}

    // Reads `catalog` from now on (a refreshed one); it must outlive this. Call it on the
    // sending thread, between runs.
    void useCatalog(const calls::Catalog& catalog) { catalog_ = &catalog; }

    // Sends every call to this tus creation URL instead (a local or test endpoint).
    void overrideCreationUrl(std::string url) { creationUrl_ = std::move(url); }
    // Verifies receipts with this key instead of the calls' (the key a local endpoint printed).
    void overrideReceiptKey(const std::array<std::uint8_t, 32>& key) { receiptKey_ = key; }
    // Trusts this PEM bundle instead of the system store.
    void setCaFile(std::string path) { caFile_ = std::move(path); }
    // Sends to calls the catalog marks closed too (amicusctl to a test endpoint: the built-in
    // call is closed). The app never does.
    void sendToClosedCalls() { sendToClosed_ = true; }

    [[nodiscard]] std::optional<CallEndpoint> endpointFor(const std::string& callId) const override;
    [[nodiscard]] bool isClosed(const std::string& callId) const override;

private:
    const calls::Catalog* catalog_;
    std::optional<std::string> creationUrl_;
    std::optional<std::array<std::uint8_t, 32>> receiptKey_;
    std::string caFile_;
    bool sendToClosed_ = false;
};

} // namespace amicus::sync
