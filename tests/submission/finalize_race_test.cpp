// Finalizing on a worker thread while the UI thread keeps using the session: the app's send
// (SubmissionReview) runs finalizeDraft on a pool thread while the drafts and outbox lists
// refresh and autosave goes on. finalizeDraft opens its own connection, so nothing is shared
// but the files; in the debug (ASan) build the store's owner-thread check would stop the test
// at once if either thread touched the other's connection.
#include "calls/builtin_catalog.h"
#include "crypto/age_keys.h"
#include "submission/draft_finalizer.h"
#include "test_temp_dir.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

namespace amicus::submission {
namespace {

constexpr int rounds = 6;
constexpr int attachmentsPerDraft = 3;
constexpr std::size_t attachmentBytes = 1536 * 1024;

std::string randomBytes(std::size_t size, std::mt19937_64& random)
{
    std::string bytes(size, '\0');
    for (auto& byte : bytes) {
        byte = static_cast<char>(random());
    }
    return bytes;
}

class FinalizeRace : public ::testing::Test {
protected:
    void SetUp() override
    {
        crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        auto session =
            store::VaultSession::create(dir_.path() / "data", "race test words", options);
        ASSERT_TRUE(session.ok()) << session.error().detail;
        session_ = std::move(session).value();
        auto identity = crypto::X25519Identity::generate();
        ASSERT_TRUE(identity.ok());
        recipient_ = identity->recipient().toString();
        call_ = &calls::builtinCatalog().calls.front();
    }

    // A draft as large as a field worker's: every question answered at length and a few
    // photos of incompressible bytes.
    std::int64_t largeDraft(std::mt19937_64& random)
    {
        auto& store = session_->store();
        const auto id = store.drafts().create(call_->id).value();
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Language, "en").ok());
        EXPECT_TRUE(
            store.drafts().saveField(id, store::DraftField::Organization, "Red Ribbon").ok());
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Country, "Chile").ok());
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Consent, "public").ok());
        for (const auto& question : call_->questions) {
            EXPECT_TRUE(store.drafts().saveAnswer(id, question.id, std::string(4000, 'w')).ok());
        }
        for (int i = 0; i < attachmentsPerDraft; ++i) {
            std::istringstream photo(randomBytes(attachmentBytes, random));
            EXPECT_TRUE(
                store.attachments()
                    .add(id, photo, "photo" + std::to_string(i) + ".jpg", "image/jpeg", 8 << 20)
                    .ok());
        }
        return id;
    }

    test_support::TempDir dir_;
    std::unique_ptr<store::VaultSession> session_;
    std::string recipient_;
    const calls::Call* call_ = nullptr;
};

TEST_F(FinalizeRace, FinalizingWhileTheUiThreadRefreshesEveryList)
{
    std::mt19937_64 random(16);
    auto& store = session_->store();
    const auto typing = store.drafts().create(call_->id).value();
    for (int round = 0; round < rounds; ++round) {
        const auto id = largeDraft(random);
        std::atomic<bool> done = false;
        std::optional<Result<package::EnvelopeInfo, FinalizeError>> finalized;
        std::thread worker([&] {
            finalized.emplace(
                finalizeDraft(*session_, dir_.path() / "data", id, *call_, {recipient_}));
            done = true;
        });
        // The UI thread meanwhile: the lists refresh, the review reads the draft, and the user
        // types in another draft (each keystroke one committed transaction).
        int refreshes = 0;
        while (!done) {
            auto drafts = store.drafts().list();
            ASSERT_TRUE(drafts.ok()) << drafts.error().detail;
            EXPECT_EQ(drafts->size(), static_cast<std::size_t>(round + 2));
            auto outbox = store.outbox().list();
            ASSERT_TRUE(outbox.ok()) << outbox.error().detail;
            auto plain = store.outbox().listPlain();
            ASSERT_TRUE(plain.ok()) << plain.error().detail;
            auto draft = store.drafts().get(id);
            ASSERT_TRUE(draft.ok()) << draft.error().detail;
            EXPECT_EQ(draft->attachments.size(), static_cast<std::size_t>(attachmentsPerDraft));
            auto typed = store.drafts().saveAnswer(typing, call_->questions.front().id,
                                                   "keystroke " + std::to_string(refreshes));
            ASSERT_TRUE(typed.ok()) << typed.error().detail;
            ++refreshes;
            // Keystrokes 2 ms apart, faster than anyone types (and autosave coalesces them): with
            // none the loop holds the write lock back to back, and SQLite's busy handler, which
            // polls, can miss every gap for its 5 s and fail finalize's write ("database is
            // locked") - starvation by a writer no user can be, seen 2 runs in 6 under load.
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        worker.join();
        ASSERT_TRUE(finalized.has_value());
        const auto& envelope = *finalized;
        ASSERT_TRUE(envelope.ok()) << "round " << round;
        EXPECT_GT(refreshes, 0) << "round " << round;
        EXPECT_GE(envelope->size, attachmentsPerDraft * attachmentBytes);
        EXPECT_TRUE(std::filesystem::exists(envelope->path));
        EXPECT_EQ(store.drafts().get(id)->status, store::DraftStatus::Finalized);
        auto entry = store.outbox().entry(id);
        ASSERT_TRUE(entry.ok());
        EXPECT_EQ(entry->envelopeSize, envelope->size);
    }
    auto outbox = store.outbox().list();
    ASSERT_TRUE(outbox.ok());
    EXPECT_EQ(outbox->size(), static_cast<std::size_t>(rounds));
    EXPECT_EQ(store.drafts().get(typing)->status, store::DraftStatus::Editing);
    EXPECT_TRUE(store.checkIntegrity().ok());
}

} // namespace
} // namespace amicus::submission
