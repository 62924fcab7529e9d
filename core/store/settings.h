// Settings: the app's settings (sealed unless the app must read them while locked, such as the
// sync policy) and the cache of calls for input (public documents, stored plain). A view over
// one VaultDatabase connection (cheap to make; use it on the connection's thread).
#pragma once

#include "store/vault_database.h"

#include <optional>
#include <string>
#include <string_view>

namespace amicus::store {

class Settings {
public:
    explicit Settings(VaultDatabase& db) : db_(&db) {}

    enum class Sealing { Sealed, Plain };
    [[nodiscard]] StoreResult<void> put(std::string_view key, std::string_view value,
                                        Sealing sealing);
    // The value of `key`, opened when sealed; empty when it was never set.
    [[nodiscard]] StoreResult<std::optional<std::string>> get(std::string_view key);

    [[nodiscard]] StoreResult<void> cacheCall(std::string_view callId, std::string_view document);
    [[nodiscard]] StoreResult<std::optional<std::string>> cachedCall(std::string_view callId);

private:
    VaultDatabase* db_;
};

} // namespace amicus::store
