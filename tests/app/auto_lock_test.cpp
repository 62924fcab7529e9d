// AutoLock: the vault locks when the app stays away for the delay, not before, and the time a
// device spends asleep counts (measured on an injected clock that jumps while "suspended").
#include "app_context.h"
#include "auto_lock.h"
#include "fake/fake_elapsed_clock.h"
#include "platform_services.h"
#include "test_services.h"

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <thread>

#if defined(Q_OS_LINUX)
#include <time.h>
#endif

using amicus::app::AppContext;
using amicus::app::AutoLock;
using amicus::platform::FakeElapsedClock;
using namespace std::chrono_literals;

namespace {

// An AutoLock on a fake clock the test keeps a handle on.
struct ClockedLock {
    explicit ClockedLock(std::function<int()> delayMinutes)
    {
        auto owned = std::make_unique<FakeElapsedClock>();
        clock = owned.get();
        lock = std::make_unique<AutoLock>(testContext(), std::move(delayMinutes), std::move(owned));
    }

    FakeElapsedClock* clock = nullptr;
    std::unique_ptr<AutoLock> lock;
};

bool unlocked()
{
    return testContext().session() != nullptr;
}

} // namespace

class AutoLockTest : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        testContext().configure(dir_.path().toStdString() + "/" + std::to_string(++round_),
                                options);
        auto session = amicus::store::VaultSession::create(testContext().dataDir(),
                                                           "auto lock test words", options);
        QVERIFY(session.ok());
        testContext().adoptSession(std::move(session).value());
        QVERIFY(unlocked());
    }

    void aZeroDelayLocksAsSoonAsTheAppIsHidden()
    {
        ClockedLock subject([] { return 0; });
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        QVERIFY(!unlocked());
    }

    void aZeroDelayLocksWhenSuspended()
    {
        ClockedLock subject([] { return 0; });
        subject.lock->applicationStateChanged(Qt::ApplicationSuspended);
        QVERIFY(!unlocked());
    }

    void tenSecondsAwayDoNotLock()
    {
        ClockedLock subject([] { return 5; });
        subject.lock->applicationStateChanged(Qt::ApplicationSuspended);
        subject.clock->advance(10s);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(unlocked());
    }

    void twoHoursAsleepLockAtResume()
    {
        // The device sleeps: no timer fires (they run on a clock that stopped), only the
        // clock that counts sleep moves. Resuming must find the two hours.
        ClockedLock subject([] { return 5; });
        subject.lock->applicationStateChanged(Qt::ApplicationSuspended);
        subject.clock->advance(2h);
        QVERIFY(unlocked());
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void justUnderTheDelayDoesNotLockAndTheDelayItselfDoes()
    {
        ClockedLock subject([] { return 15; });
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        subject.clock->advance(15min - 1s);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(unlocked());
        // A new absence counts from its own start, not the previous one's.
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        subject.clock->advance(15min);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void theDelayIsReadWhenTheAbsenceIsMeasured()
    {
        int minutes = 60;
        ClockedLock subject([&minutes] { return minutes; });
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        subject.clock->advance(2min);
        minutes = 1;
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void aClockSetBackLocks()
    {
        // Only a wall clock can go back (where the OS has no clock counting sleep): how long
        // the app was away is then unknown, and the safe answer is locked.
        ClockedLock subject([] { return 5; });
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        subject.clock->advance(-1h);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void stillInTheBackgroundAfterSleepingLocksWithoutResuming()
    {
        // Woken in the background (a notification, a sync): the next check finds the hours
        // asleep, without waiting for the whole delay on the stopped timer clock.
        ClockedLock subject([] { return 5; });
        subject.lock->setRecheckInterval(20ms);
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        QTest::qWait(100);
        QVERIFY(unlocked());
        subject.clock->advance(2h);
        QTRY_VERIFY_WITH_TIMEOUT(!unlocked(), 2000);
    }

    void backInFrontStopsTheChecks()
    {
        ClockedLock subject([] { return 5; });
        subject.lock->setRecheckInterval(20ms);
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        subject.clock->advance(2h);
        QTest::qWait(200);
        QVERIFY(unlocked());
    }

    void onADesktopAnUnfocusedWindowLocksAfterTheDelay()
    {
        ClockedLock subject([] { return 5; });
        subject.lock->setUnfocusedCountsAsAway(true);
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        subject.clock->advance(4min);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(unlocked());
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        subject.clock->advance(5min);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void onADesktopLockAtOnceLeavesAMinuteToAnotherWindow()
    {
        // Copying a sentence from another document, or the system's file chooser for an
        // attachment, takes the focus away for a moment.
        ClockedLock subject([] { return 0; });
        subject.lock->setUnfocusedCountsAsAway(true);
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        QVERIFY(unlocked());
        subject.clock->advance(50s);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(unlocked());
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        subject.clock->advance(1min);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void onADesktopHidingAnUnfocusedWindowLocksAtOnceForAZeroDelay()
    {
        ClockedLock subject([] { return 0; });
        subject.lock->setUnfocusedCountsAsAway(true);
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        QVERIFY(unlocked());
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        QVERIFY(!unlocked());
    }

    void theAbsenceStartsWhenTheFocusLeftNotWhenTheWindowHid()
    {
        ClockedLock subject([] { return 5; });
        subject.lock->setUnfocusedCountsAsAway(true);
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        subject.clock->advance(3min);
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        subject.clock->advance(2min);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(!unlocked());
    }

    void onAPhoneInactiveIsNotAway()
    {
        // The notification shade or the app switcher: Inactive for a moment, the app in view.
        ClockedLock subject([] { return 0; });
        subject.lock->setUnfocusedCountsAsAway(false);
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        subject.clock->advance(2h);
        subject.lock->applicationStateChanged(Qt::ApplicationActive);
        QVERIFY(unlocked());
        // ... while going on to Hidden does count.
        subject.lock->applicationStateChanged(Qt::ApplicationInactive);
        subject.lock->applicationStateChanged(Qt::ApplicationHidden);
        QVERIFY(!unlocked());
    }

    void theSystemClockCountsLikeTheBootClock()
    {
        const auto clock = amicus::platform::createElapsedClock();
        const auto before = clock->now();
        std::this_thread::sleep_for(50ms);
        const auto after = clock->now();
        QVERIFY2(after - before >= 50ms, qPrintable(QString::number((after - before).count())));
        QVERIFY(after - before < 5s);
#if defined(Q_OS_LINUX)
        // It is CLOCK_BOOTTIME (which goes on in suspend), not CLOCK_MONOTONIC: on a machine
        // that has ever slept the two differ by the time asleep.
        timespec boot{};
        QCOMPARE(clock_gettime(CLOCK_BOOTTIME, &boot), 0);
        const auto bootNow = std::chrono::seconds(boot.tv_sec) +
                             std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::nanoseconds(boot.tv_nsec));
        const auto read = clock->now();
        QVERIFY2(read >= bootNow && read - bootNow < 1s,
                 qPrintable(QStringLiteral("%1 vs %2").arg(read.count()).arg(bootNow.count())));
#endif
    }

private:
    QTemporaryDir dir_;
    int round_ = 0;
};

QTEST_GUILESS_MAIN(AutoLockTest)
#include "auto_lock_test.moc"
