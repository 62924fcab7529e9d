// FileOutboxRepository: an OutboxRepository kept in one JSON file, replaced atomically and
// fsynced on every save. For tools and tests; the app keeps its outbox in the vault store.
#pragma once

#include "sync/outbox.h"

#include <string>

namespace amicus::sync {

class FileOutboxRepository : public OutboxRepository {
public:
    // `path` need not exist yet; its directory must.
    explicit FileOutboxRepository(std::string path) : path_(std::move(path)) {}

    [[nodiscard]] Result<std::vector<OutboxRecord>, SyncError> list() override;
    [[nodiscard]] Result<void, SyncError> save(const OutboxRecord& record) override;
    [[nodiscard]] Result<void, SyncError> remove(std::int64_t id) override;

private:
    // Replaces the file with `text`, atomically and durably.
    [[nodiscard]] Result<void, SyncError> write(const std::string& text);

    std::string path_;
};

} // namespace amicus::sync
