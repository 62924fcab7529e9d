// ScreenPrivacy: the desktop says it cannot hide and stays shown; the fake hides like a phone
// and records each change once.
#include "desktop/no_screen_privacy.h"
#include "fake/fake_screen_privacy.h"
#include "platform_services.h"

#include <QtTest>

using amicus::platform::FakeScreenPrivacy;
using amicus::platform::NoScreenPrivacy;

class ScreenPrivacyTest : public QObject {
    Q_OBJECT

private slots:
    void desktopCannotHide()
    {
        NoScreenPrivacy privacy;
        QVERIFY(!privacy.canHideContent());
        privacy.setContentHidden(true);
        QVERIFY(!privacy.contentHidden());
    }

    void fakeHidesAndRecords()
    {
        FakeScreenPrivacy privacy;
        QVERIFY(privacy.canHideContent());
        privacy.setContentHidden(true);
        privacy.setContentHidden(true);
        privacy.setContentHidden(false);
        QVERIFY(!privacy.contentHidden());
        QCOMPARE(privacy.changes(), (QList<bool>{true, false}));
    }

    // The factory gives the desktop's implementation of each new service on this OS.
    void factoryGivesTheDesktopServices()
    {
        QVERIFY(!amicus::platform::createScreenPrivacy()->canHideContent());
        QVERIFY(!amicus::platform::createKeyStore()->protectsAtRest());
        QVERIFY(!amicus::platform::createBackgroundSending()->continuesAfterExit());
        QVERIFY(amicus::platform::createSharedFiles()->canOpen(
            QUrl::fromLocalFile(QStringLiteral("/tmp/a.pdf"))));
    }
};

QTEST_GUILESS_MAIN(ScreenPrivacyTest)
#include "screen_privacy_test.moc"
