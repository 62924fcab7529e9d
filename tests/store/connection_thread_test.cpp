// A store connection belongs to the thread that opened it: a second thread that touches it is
// stopped in debug builds and every build with tests (AMICUS_STORE_THREAD_CHECKS), and a
// connection handed over on purpose (releaseThread, as the app does after unlocking on a worker)
// belongs to its first user.
#include "store/vault_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <thread>

namespace amicus::store {
namespace {

// The clock is read from the thread that saves; these tests never save on two threads at once.
using ConnectionThreadTest = testing::PlainStoreTest;

TEST_F(ConnectionThreadTest, ASecondThreadUsingTheConnectionIsStopped)
{
#ifndef AMICUS_STORE_THREAD_CHECKS
    GTEST_SKIP() << "the owner-thread check is compiled in debug and test builds only";
#else
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    auto store = openStore();
    ASSERT_TRUE(store.drafts().create("hrc54-policing").ok());
    EXPECT_DEATH(std::thread([&store] { (void)store.drafts().list(); }).join(),
                 "used \\(prepare\\) on a thread other than the one that opened it");
    // The owner itself goes on.
    auto drafts = store.drafts().list();
    ASSERT_TRUE(drafts.ok());
    EXPECT_EQ(drafts->size(), 1u);
#endif
}

TEST_F(ConnectionThreadTest, TheOpenerUsingAConnectionHandedOverIsStopped)
{
#ifndef AMICUS_STORE_THREAD_CHECKS
    GTEST_SKIP() << "the owner-thread check is compiled in debug and test builds only";
#else
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            auto store = openStore();
            store.releaseThread();
            std::thread([&store] { (void)store.drafts().create("hrc54-policing"); }).join();
            (void)store.drafts().list();
        },
        "on a thread other than the one that opened it");
#endif
}

TEST_F(ConnectionThreadTest, AConnectionHandedOverBelongsToItsFirstUser)
{
    auto store = openStore();
    store.releaseThread();
    std::thread([&store] {
        auto id = store.drafts().create("hrc54-policing");
        ASSERT_TRUE(id.ok()) << id.error().detail;
        auto drafts = store.drafts().list();
        ASSERT_TRUE(drafts.ok());
        EXPECT_EQ(drafts->size(), 1u);
    }).join();
}

TEST_F(ConnectionThreadTest, EachThreadWorksOnItsOwnConnection)
{
    auto mine = openStore();
    std::thread([this] {
        auto theirs = openStore();
        for (int i = 0; i < 20; ++i) {
            ASSERT_TRUE(theirs.drafts().create("hrc54-policing").ok());
        }
    }).join();
    auto drafts = mine.drafts().list();
    ASSERT_TRUE(drafts.ok());
    EXPECT_EQ(drafts->size(), 20u);
}

} // namespace
} // namespace amicus::store
