// Finalize's last writes (the outbox entry, then the draft's status) against a writer on
// another connection that commits back to back, as autosave does while someone types without
// pause. SQLite's busy handler polls, and such a writer frees the lock only for microseconds
// between its transactions: without taking turns (store::WriteTurns) the finalize could miss
// every gap for the 5 s busy timeout and fail with Busy after the envelope was made.
#include "calls/builtin_catalog.h"
#include "store/sqlite_db.h"
#include "submission/draft_finalizer.h"
#include "test_temp_dir.h"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

namespace amicus::submission {
namespace {

TEST(FinalizeLastWrite, IsNotStarvedByAWriterCommittingBackToBack)
{
    test_support::TempDir root{"amicus-finalize-busy"};
    crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    auto session = store::VaultSession::create(root / "data", "busy test words", options);
    ASSERT_TRUE(session.ok());
    auto identity = crypto::X25519Identity::generate();
    ASSERT_TRUE(identity.ok());
    const std::string recipient = identity->recipient().toString();
    const calls::Call& call = calls::builtinCatalog().calls.front();
    const std::string question = call.questions.front().id;

    // Every draft is made before the writer starts: the test thread's own writes are ordinary.
    auto& store = (*session)->store();
    constexpr int rounds = 6;
    std::vector<std::int64_t> drafts;
    for (int i = 0; i < rounds; ++i) {
        const auto id = store.drafts().create(call.id).value();
        ASSERT_TRUE(store.drafts().saveField(id, store::DraftField::Consent, "public").ok());
        ASSERT_TRUE(store.drafts().saveAnswer(id, question, "Finished text.").ok());
        drafts.push_back(id);
    }

    std::atomic<bool> stop{false};
    std::atomic<long> commits{0};
    std::atomic<long> failures{0};
    std::thread writer([&] {
        // Its own connection, on its own thread, writing through the store's transactions as
        // every writer does, with nothing between one commit and the next BEGIN.
        auto db = store::Database::open(store::DataLayout::storePaths(root / "data").database,
                                        store::Database::OpenMode::MustExist);
        if (!db) {
            ++failures;
            return;
        }
        for (long n = 0; !stop; ++n) {
            auto tx = store::Transaction::begin(*db);
            if (tx &&
                db->run("INSERT OR REPLACE INTO settings (key, value, sealed) VALUES "
                        "('busy-test', ?1, 0)",
                        n)
                    .ok() &&
                tx->commit().ok()) {
                ++commits;
            } else {
                ++failures;
            }
        }
    });
    while (commits < 20 && failures == 0) {
        std::this_thread::yield();
    }
    long duringFinalizes = 0;
    for (int i = 0; i < rounds; ++i) {
        SCOPED_TRACE("round " + std::to_string(i));
        // The writer is committing when the finalize starts.
        const long waitedFrom = commits;
        while (commits == waitedFrom && failures == 0) {
            std::this_thread::yield();
        }
        const long before = commits;
        auto envelope = finalizeDraft(**session, root / "data", drafts[i], call, {recipient});
        EXPECT_TRUE(envelope.ok()) << (envelope.ok() ? "" : envelope.error().storeError.detail);
        duringFinalizes += commits - before;
        EXPECT_EQ(store.drafts().get(drafts[i])->status, store::DraftStatus::Finalized);
    }
    stop = true;
    writer.join();
    EXPECT_EQ(failures, 0);
    // The writer went on committing while the finalizes ran: the race was real.
    EXPECT_GT(duringFinalizes, 0);
}

} // namespace
} // namespace amicus::submission
