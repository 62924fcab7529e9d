// AutoLock: the vault locks when the app stays in the background for the delay, not before.
#include "app_context.h"
#include "auto_lock.h"

#include <QTemporaryDir>
#include <QtTest>

using amicus::app::AppContext;
using amicus::app::AutoLock;

class AutoLockTest : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        AppContext::instance().configure(dir_.path().toStdString() + "/" + std::to_string(++round_),
                                         options);
        auto session = amicus::store::VaultSession::create(AppContext::instance().dataDir(),
                                                           "auto lock test words", options);
        QVERIFY(session.ok());
        AppContext::instance().adoptSession(std::move(session).value());
        QVERIFY(AppContext::instance().session() != nullptr);
    }

    void aZeroDelayLocksAsSoonAsTheAppLeaves()
    {
        AutoLock lock([] { return 0; });
        lock.enteredBackground();
        QVERIFY(AppContext::instance().session() == nullptr);
    }

    void aShortVisitToTheBackgroundDoesNotLock()
    {
        AutoLock lock([] { return 5; });
        lock.enteredBackground();
        lock.returnedToForeground();
        QVERIFY(AppContext::instance().session() != nullptr);
    }

    void comingBackAfterTheDelayLocks()
    {
        int minutes = 5;
        AutoLock lock([&minutes] { return minutes; });
        lock.enteredBackground();
        // The delay is read again on return: as if the minutes had passed while suspended.
        minutes = 0;
        lock.returnedToForeground();
        QVERIFY(AppContext::instance().session() == nullptr);
    }

private:
    QTemporaryDir dir_;
    int round_ = 0;
};

QTEST_GUILESS_MAIN(AutoLockTest)
#include "auto_lock_test.moc"
