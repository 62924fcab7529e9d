// The store announces what it committed: every change to a draft, its files or its outbox entry
// reaches the session's ChangeListener once, after the commit, from whichever connection made it
// (the session's own or one opened on another thread), and a change that failed says nothing.
// Real SQLite files, a real vault.
#include "store/vault_session.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

namespace amicus::store {
namespace {

using testing::cheapVault;
using testing::TempDir;

// Keeps what was announced, and the thread that announced it.
class Recorder : public ChangeListener {
public:
    void changed(const StoreChange& change) override
    {
        std::lock_guard lock(mutex_);
        changes_.push_back(change);
        threads_.push_back(std::this_thread::get_id());
    }
    std::vector<StoreChange> take()
    {
        std::lock_guard lock(mutex_);
        threads_.clear();
        return std::exchange(changes_, {});
    }
    std::vector<std::thread::id> threads()
    {
        std::lock_guard lock(mutex_);
        return threads_;
    }

private:
    std::mutex mutex_;
    std::vector<StoreChange> changes_;
    std::vector<std::thread::id> threads_;
};

StoreChange draftChanged(std::int64_t id)
{
    return {ChangeKind::DraftChanged, id};
}

class StoreChangesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto session = VaultSession::create(dir_.path() / "data", "pass phrase", cheapVault());
        ASSERT_TRUE(session.ok()) << session.error().detail;
        session_ = std::move(*session);
        recorder_ = std::make_unique<Recorder>();
        session_->setChangeListener(recorder_.get());
    }
    void TearDown() override
    {
        if (session_) {
            session_->setChangeListener(nullptr);
        }
    }

    VaultStore& store() { return session_->store(); }

    TempDir dir_;
    std::unique_ptr<VaultSession> session_;
    std::unique_ptr<Recorder> recorder_;
};

TEST_F(StoreChangesTest, EveryEditOfADraftIsAnnouncedOnceAfterItsCommit)
{
    auto id = store().drafts().create("call-1");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(recorder_->take(), std::vector<StoreChange>{draftChanged(*id)});

    ASSERT_TRUE(store().drafts().saveField(*id, DraftField::Organization, "Ruban Rouge").ok());
    ASSERT_TRUE(store().drafts().saveAnswer(*id, "q1", "Une réponse.").ok());
    ASSERT_TRUE(store().drafts().removeAnswer(*id, "q1").ok());
    std::istringstream file(std::string(1000, 'x'));
    auto attachment = store().attachments().add(*id, file, "notes.txt", "text/plain", 1 << 20);
    ASSERT_TRUE(attachment.ok()) << attachment.error().detail;
    std::istringstream smaller(std::string(100, 'y'));
    ASSERT_TRUE(
        store().attachments().addReducedCopy(attachment->id, smaller, "image/jpeg", 1 << 20).ok());
    ASSERT_TRUE(store().attachments().removeReducedCopy(attachment->id).ok());
    ASSERT_TRUE(store().attachments().remove(attachment->id).ok());
    EXPECT_EQ(recorder_->take(), std::vector<StoreChange>(7, draftChanged(*id)));

    // What each announcement says is already there for a reader.
    ASSERT_TRUE(store().drafts().saveAnswer(*id, "q2", "Texte.").ok());
    auto summary = store().drafts().summary(*id);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->answerCount, 1);
    EXPECT_EQ(summary->organization, std::optional<std::string>("Ruban Rouge"));
    EXPECT_EQ(store().drafts().summary(*id + 100).error().code, StoreErrc::NotFound);
}

TEST_F(StoreChangesTest, TheOutboxACopyAndADeletionAreAnnouncedForTheirDraft)
{
    auto id = store().drafts().create("call-1");
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(store().drafts().saveAnswer(*id, "q1", "Une réponse.").ok());
    recorder_->take();

    OutboxEntry entry;
    entry.draftId = *id;
    entry.state = OutboxState::Queued;
    entry.envelopeName = "envelope.age";
    entry.envelopeSize = 1000;
    ASSERT_TRUE(store().outbox().put(entry).ok());
    ASSERT_TRUE(store().drafts().setStatus(*id, DraftStatus::Finalized).ok());
    auto copy = store().drafts().copyAsNew(*id);
    ASSERT_TRUE(copy.ok());
    ASSERT_TRUE(store().outbox().remove(*id).ok());
    ASSERT_TRUE(store().drafts().remove(*id).ok());
    EXPECT_EQ(recorder_->take(), (std::vector<StoreChange>{
                                     {ChangeKind::OutboxChanged, *id},
                                     draftChanged(*id),
                                     draftChanged(*copy), // once, when the copy is whole
                                     {ChangeKind::OutboxChanged, *id},
                                     {ChangeKind::DraftDeleted, *id},
                                 }));
}

TEST_F(StoreChangesTest, AChangeThatFailedSaysNothing)
{
    auto id = store().drafts().create("call-1");
    ASSERT_TRUE(id.ok());
    OutboxEntry entry;
    entry.draftId = *id;
    entry.state = OutboxState::Queued;
    entry.envelopeName = "envelope.age";
    ASSERT_TRUE(store().outbox().put(entry).ok());
    recorder_->take();

    // In the outbox: the draft no longer changes.
    EXPECT_EQ(store().drafts().saveAnswer(*id, "q1", "late").error().code, StoreErrc::Finalized);
    EXPECT_EQ(store().drafts().saveField(*id, DraftField::Country, "SN").error().code,
              StoreErrc::Finalized);
    std::istringstream file("bytes");
    EXPECT_FALSE(store().attachments().add(*id, file, "a.txt", "text/plain", 1 << 20).ok());
    // Nothing there to change.
    EXPECT_EQ(store().drafts().remove(*id + 100).error().code, StoreErrc::NotFound);
    EXPECT_EQ(store().drafts().copyAsNew(*id + 100).error().code, StoreErrc::NotFound);
    EXPECT_EQ(store().outbox().remove(*id + 100).error().code, StoreErrc::NotFound);
    EXPECT_EQ(store().drafts().setStatus(*id + 100, DraftStatus::Finalized).error().code,
              StoreErrc::NotFound);
    EXPECT_TRUE(recorder_->take().empty());
}

TEST_F(StoreChangesTest, AConnectionOfAnotherThreadAnnouncesOnThatThread)
{
    std::thread::id worker;
    std::int64_t made = -1;
    std::thread([&] {
        worker = std::this_thread::get_id();
        auto connection = session_->openConnection();
        ASSERT_TRUE(connection.ok());
        auto id = connection->drafts().create("call-1");
        ASSERT_TRUE(id.ok());
        made = *id;
        ASSERT_TRUE(connection->drafts().saveAnswer(made, "q1", "ailleurs").ok());
    }).join();
    EXPECT_EQ(recorder_->threads(), (std::vector<std::thread::id>{worker, worker}));
    EXPECT_EQ(recorder_->take(),
              (std::vector<StoreChange>{draftChanged(made), draftChanged(made)}));

    // Without a listener, nobody is told.
    session_->setChangeListener(nullptr);
    ASSERT_TRUE(store().drafts().saveAnswer(made, "q1", "ici").ok());
    auto other = session_->openConnection();
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other->drafts().create("call-1").ok());
    EXPECT_TRUE(recorder_->take().empty());
}

} // namespace
} // namespace amicus::store
