// BackgroundSending: on the desktop a request is granted by the running app on the next turn
// of the event loop, once per request; the fake grants only what a real scheduler would.
#include "desktop/running_app_background_sending.h"
#include "fake/fake_background_sending.h"

#include <QtTest>

using amicus::platform::FakeBackgroundSending;
using amicus::platform::RunningAppBackgroundSending;

class BackgroundSendingTest : public QObject {
    Q_OBJECT

private slots:
    void desktopGrantsOnTheNextTurn()
    {
        RunningAppBackgroundSending sending;
        QVERIFY(!sending.continuesAfterExit());
        QSignalSpy granted(&sending, &RunningAppBackgroundSending::runGranted);
        sending.requestSending(false);
        sending.requestSending(true); // a repeat before the grant is one request
        QVERIFY(sending.sendingRequested());
        QCOMPARE(granted.count(), 0); // not inside the caller's own call
        QVERIFY(granted.wait(1000));
        QCoreApplication::processEvents();
        QCOMPARE(granted.count(), 1);

        // While the run goes, a new request starts no second run.
        sending.requestSending(false);
        QCoreApplication::processEvents();
        QCOMPARE(granted.count(), 1);
        sending.finishRun(false);
        QVERIFY(!sending.sendingRequested());
    }

    void desktopGrantsNothingAfterCancel()
    {
        RunningAppBackgroundSending sending;
        QSignalSpy granted(&sending, &RunningAppBackgroundSending::runGranted);
        sending.requestSending(false);
        sending.cancelSending();
        QVERIFY(!granted.wait(200));
        QCOMPARE(granted.count(), 0);
        QVERIFY(!sending.sendingRequested());
    }

    void desktopNewRequestAfterARunIsGrantedAgain()
    {
        RunningAppBackgroundSending sending;
        QSignalSpy granted(&sending, &RunningAppBackgroundSending::runGranted);
        sending.requestSending(false);
        QVERIFY(granted.wait(1000));
        sending.finishRun(true); // items left: the outbox engine's timers retry them
        QVERIFY(sending.sendingRequested());
        sending.requestSending(false); // a new submission finalized later
        QVERIFY(granted.wait(1000));
        QCOMPARE(granted.count(), 2);
    }

    void fakeGrantsOnlyAStandingRequest()
    {
        FakeBackgroundSending sending;
        QVERIFY(sending.continuesAfterExit());
        QSignalSpy granted(&sending, &FakeBackgroundSending::runGranted);
        QVERIFY(!sending.grant());
        sending.requestSending(true);
        QVERIFY(sending.allowMetered());
        QVERIFY(sending.grant());
        QVERIFY(!sending.grant()); // one run at a time
        sending.finishRun(true);
        QVERIFY(sending.grant()); // more to send: the request stands
        sending.finishRun(false);
        QVERIFY(!sending.grant());
        QCOMPARE(granted.count(), 2);
        QCOMPARE(sending.finishedRuns(), (QList<bool>{true, false}));
    }
};

QTEST_GUILESS_MAIN(BackgroundSendingTest)
#include "background_sending_test.moc"
