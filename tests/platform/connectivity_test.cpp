// Connectivity: the fake behaves like a backend, and the OS backend starts without a network
// daemon (as on CI) in the documented "unknown, so try" state.
#include "desktop/qt_connectivity.h"
#include "fake/fake_connectivity.h"

#include <QNetworkInformation>
#include <QtTest>

using amicus::platform::FakeConnectivity;
using amicus::platform::NetworkStatus;
using amicus::platform::QtConnectivity;

class ConnectivityTest : public QObject {
    Q_OBJECT

private slots:
    void fakeEmitsOncePerChange()
    {
        FakeConnectivity connectivity;
        QSignalSpy changed(&connectivity, &FakeConnectivity::statusChanged);
        connectivity.setStatus({false, false, true});
        connectivity.setStatus({false, false, true});
        connectivity.setStatus({true, true, true});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).value<NetworkStatus>().reachable, false);
        QVERIFY(connectivity.status().metered);
    }

    void osBackendReportsAConsistentStatus()
    {
        QtConnectivity connectivity;
        const NetworkStatus status = connectivity.status();
        if (!QNetworkInformation::instance()) {
            // No backend: unknown, and unknown must never block sending.
            QVERIFY(!status.known);
            QVERIFY(status.reachable);
            return;
        }
        const auto reachability = QNetworkInformation::instance()->reachability();
        QCOMPARE(status.known, reachability != QNetworkInformation::Reachability::Unknown);
        QCOMPARE(status.reachable, reachability != QNetworkInformation::Reachability::Disconnected);
    }
};

QTEST_GUILESS_MAIN(ConnectivityTest)
#include "connectivity_test.moc"
