// Navigator: the typed route the window's stack follows — the root for the vault's state, the
// screens pushed over it, the way back — and the route kept across a lock on a real vault:
// locking asks for the unlock screen alone, unlocking asks for the same screens again (kinds
// and ids only).
#include "app_context.h"
#include "navigator.h"
#include "store/vault_session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using amicus::app::AppContext;

namespace {

constexpr const char* kPassphrase = "navigator test words";

amicus::crypto::VaultOptions fastVault()
{
    amicus::crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    return options;
}

Navigator::Screen screenAt(const QSignalSpy& spy, int i)
{
    return spy.at(i).at(0).value<Navigator::Screen>();
}

} // namespace

class NavigatorTest : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        context_ = std::make_unique<AppContext>();
        context_->configure(dir_.path().toStdString() + "/" + std::to_string(++round_),
                            fastVault());
    }
    void cleanup() { context_.reset(); }

    void theRootFollowsTheVault()
    {
        Navigator navigator(*context_);
        QCOMPARE(navigator.rootScreen(), Navigator::Screen::Setup);
        QSignalSpy resets(&navigator, &Navigator::resetRequested);
        open();
        QCOMPARE(resets.count(), 1);
        QCOMPARE(screenAt(resets, 0), Navigator::Screen::Home);
        context_->closeSession();
        QCOMPARE(resets.count(), 2);
        QCOMPARE(screenAt(resets, 1), Navigator::Screen::Unlock);
        QCOMPARE(navigator.top(), Navigator::Screen::Unlock);
    }

    void screensGoOnAndComeOffTheRoute()
    {
        open();
        Navigator navigator(*context_);
        navigator.showRoot();
        QCOMPARE(navigator.top(), Navigator::Screen::Home);
        QVERIFY(!navigator.back()); // the root stays: the OS does as usual
        QSignalSpy pushes(&navigator, &Navigator::pushRequested);
        QSignalSpy replaces(&navigator, &Navigator::replaceTopRequested);
        QSignalSpy pops(&navigator, &Navigator::popRequested);
        navigator.openCall(QStringLiteral("call-1"));
        navigator.replaceWithDraft(7);
        navigator.openReview(7);
        QCOMPARE(navigator.depth(), 3);
        QCOMPARE(navigator.top(), Navigator::Screen::Review);
        QCOMPARE(pushes.count(), 2);
        QCOMPARE(pushes.at(0).at(1).toMap().value(QStringLiteral("callId")).toString(),
                 QStringLiteral("call-1"));
        QCOMPARE(replaces.count(), 1);
        QCOMPARE(replaces.at(0).at(1).toMap().value(QStringLiteral("draftId")).toInt(), 7);
        QVERIFY(navigator.back());
        QCOMPARE(navigator.top(), Navigator::Screen::Editor);
        navigator.home(Navigator::Tab::Outbox);
        QCOMPARE(navigator.depth(), 1);
        QCOMPARE(pops.count(), 2);
        QCOMPARE(pops.at(1).at(0).toInt(), 1); // the editor only: home is the root
    }

    void unlockingBringsTheUserBackWhereTheAppLocked()
    {
        open();
        Navigator navigator(*context_);
        navigator.showRoot();
        navigator.tabShown(Navigator::Tab::Drafts);
        navigator.openDraft(12);
        navigator.openReview(12);
        QSignalSpy resets(&navigator, &Navigator::resetRequested);
        QSignalSpy pushes(&navigator, &Navigator::pushRequested);
        QSignalSpy tabs(&navigator, &Navigator::tabRequested);

        context_->closeSession();
        QCOMPARE(navigator.depth(), 1);
        QCOMPARE(navigator.top(), Navigator::Screen::Unlock);
        QCOMPARE(pushes.count(), 0);

        open();
        QCOMPARE(screenAt(resets, resets.count() - 1), Navigator::Screen::Home);
        QCOMPARE(tabs.count(), 1);
        QCOMPARE(tabs.at(0).at(0).value<Navigator::Tab>(), Navigator::Tab::Drafts);
        QCOMPARE(pushes.count(), 2);
        QCOMPARE(screenAt(pushes, 0), Navigator::Screen::Editor);
        QCOMPARE(pushes.at(0).at(1).toMap().value(QStringLiteral("draftId")).toInt(), 12);
        QVERIFY(pushes.at(0).at(2).toBool()); // without a transition
        QCOMPARE(screenAt(pushes, 1), Navigator::Screen::Review);
        QCOMPARE(navigator.depth(), 3);

        // Kept once: the next lock and unlock start from what is shown then.
        navigator.home(Navigator::Tab::Calls);
        context_->closeSession();
        pushes.clear();
        open();
        QCOMPARE(pushes.count(), 0);
        QCOMPARE(navigator.depth(), 1);
    }

    void leavingTheVaultForgetsTheRoute()
    {
        open();
        Navigator navigator(*context_);
        navigator.showRoot();
        navigator.openDraft(3);
        context_->closeSession();
        // Erase everything: the directory holds no vault any more.
        QVERIFY(amicus::store::VaultSession::eraseDataDirectory(context_->dataDir()).ok());
        context_->configure(context_->dataDir(), fastVault());
        QCOMPARE(navigator.top(), Navigator::Screen::Setup);
        QSignalSpy pushes(&navigator, &Navigator::pushRequested);
        open();
        QCOMPARE(pushes.count(), 0);
    }

    void screenshotNamesMapToScreens()
    {
        open();
        Navigator navigator(*context_);
        navigator.showRoot();
        QSignalSpy tabs(&navigator, &Navigator::tabRequested);
        QVERIFY(navigator.showNamed(QStringLiteral("outbox"), -1, {}));
        QCOMPARE(tabs.at(0).at(0).value<Navigator::Tab>(), Navigator::Tab::Outbox);
        QVERIFY(navigator.showNamed(QStringLiteral("call"), -1, QStringLiteral("c")));
        QCOMPARE(navigator.top(), Navigator::Screen::Call);
        QVERIFY(!navigator.showNamed(QStringLiteral("editor"), -1, {})); // needs a draft
        QVERIFY(navigator.showNamed(QStringLiteral("export"), 4, {}));
        QCOMPARE(navigator.top(), Navigator::Screen::Review);
        QVERIFY(navigator.showNamed(QStringLiteral("setup"), -1, {}));
        QCOMPARE(navigator.top(), Navigator::Screen::Setup);
        QVERIFY(!navigator.showNamed(QStringLiteral("nowhere"), -1, {}));
    }

private:
    // Makes the vault on first use, opens it after.
    void open()
    {
        const auto dir = context_->dataDir();
        auto session = context_->vaultState() == AppContext::VaultState::None
                           ? amicus::store::VaultSession::create(dir, kPassphrase, fastVault())
                           : amicus::store::VaultSession::open(dir, kPassphrase, fastVault());
        QVERIFY(session.ok());
        context_->adoptSession(std::move(session).value());
    }

    QTemporaryDir dir_;
    int round_ = 0;
    std::unique_ptr<AppContext> context_;
};

QTEST_GUILESS_MAIN(NavigatorTest)
#include "navigator_test.moc"
