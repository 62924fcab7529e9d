#include "store/settings.h"

#include <vector>

namespace amicus::store {

namespace {

std::string settingPlace(std::string_view key)
{
    return "settings/value/" + std::string(key);
}

} // namespace

StoreResult<void> Settings::put(std::string_view key, std::string_view value, Sealing sealing)
{
    std::vector<std::uint8_t> stored(value.begin(), value.end());
    if (sealing == Sealing::Sealed) {
        auto sealed = db_->seal(value, settingPlace(key));
        if (!sealed) {
            return fail(sealed.error());
        }
        stored = std::move(*sealed);
    }
    return db_->db().run("INSERT INTO settings (key, value, sealed) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                         "sealed = excluded.sealed",
                         key, stored, sealing == Sealing::Sealed ? 1 : 0);
}

StoreResult<std::optional<std::string>> Settings::get(std::string_view key)
{
    auto row = db_->db().queryRow("SELECT value, sealed FROM settings WHERE key = ?1", key);
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return std::optional<std::string>{};
    }
    auto stored = (*row)->blob(0);
    if ((*row)->int64(1) == 0) {
        return std::optional<std::string>(std::string(stored.begin(), stored.end()));
    }
    auto opened = db_->unseal(stored, settingPlace(key));
    if (!opened) {
        return fail(opened.error());
    }
    return std::optional<std::string>(std::move(*opened));
}

StoreResult<void> Settings::cacheCall(std::string_view callId, std::string_view document)
{
    return db_->db().run("INSERT INTO calls (id, document, fetched_at) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (id) DO UPDATE SET document = excluded.document, "
                         "fetched_at = excluded.fetched_at",
                         callId, document, db_->now());
}

StoreResult<std::optional<std::string>> Settings::cachedCall(std::string_view callId)
{
    auto row = db_->db().queryRow("SELECT document FROM calls WHERE id = ?1", callId);
    if (!row) {
        return fail(row.error());
    }
    if (!*row) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>((*row)->text(0));
}

} // namespace amicus::store
