// Runs the Qt Quick Tests in tests/app/qml against the statically linked Amicus module, each
// test case free to start from an empty data directory (TestSupport).
#include "app_context.h"
#include "app_presence.h"
#include "app_services.h"
#include "app_setup.h"
#include "auto_lock.h"
#include "calls/builtin_catalog.h"
#include "calls/practice_catalog.h"
#include "desktop/local_shared_files.h"
#include "fake/fake_elapsed_clock.h"
#include "fake/fake_key_store.h"
#include "fake/fake_screen_privacy.h"
#include "fake/fake_shared_files.h"
#include "outbox_sender_support.h"
#include "outbox_states.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(AmicusPlugin)

// The files the app is handed: the desktop's own for file:// URLs (the files tests write), and
// the content:// URLs a test shares into the app as Android's ContentResolver would serve them.
class TestSharedFiles : public amicus::platform::SharedFiles {
public:
    [[nodiscard]] bool canOpen(const QUrl& url) const override
    {
        return isShared(url) ? shared_.canOpen(url) : local_.canOpen(url);
    }
    [[nodiscard]] amicus::Result<amicus::platform::SharedFile, amicus::platform::SharedFileFailure>
    open(const QUrl& url) override
    {
        return isShared(url) ? shared_.open(url) : local_.open(url);
    }
    [[nodiscard]] amicus::platform::FakeSharedFiles& shared() { return shared_; }

private:
    static bool isShared(const QUrl& url) { return url.scheme() == QStringLiteral("content"); }

    amicus::platform::LocalSharedFiles local_;
    amicus::platform::FakeSharedFiles shared_;
};

// Test-only helpers for the QML tests: fresh data directories and files to attach.
class TestSupport : public QObject {
    Q_OBJECT

public:
    TestSupport(amicus::app::AppContext& context, amicus::platform::FakeElapsedClock& awayClock,
                const amicus::platform::FakeScreenPrivacy& privacy, TestSharedFiles& sharedFiles)
        : context_(context), awayClock_(awayClock), privacy_(privacy), sharedFiles_(sharedFiles)
    {
    }

    // Shares `size` bytes into the app as another app does on Android: a content:// URL with
    // no path behind it, named and typed by the provider. Returns the URL.
    Q_INVOKABLE QUrl shareFile(const QString& displayName, int size, const QString& mediaType)
    {
        const QUrl url(QStringLiteral("content://org.example.files/document/%1").arg(++shared_));
        sharedFiles_.shared().add(url, QByteArray(size, 's'), displayName, mediaType);
        return url;
    }
    // The sharing app's grant ends: the URL can no longer be read.
    Q_INVOKABLE void revokeSharedFile(const QUrl& url) { sharedFiles_.shared().revoke(url); }

    // Moves the clock the auto-lock measures time away on (AppPresence's, one minute's delay).
    Q_INVOKABLE void advanceAwayClock(int milliseconds)
    {
        awayClock_.advance(std::chrono::milliseconds(milliseconds));
    }
    // What the app asked of the (fake) screen privacy so far: each hidden/shown, oldest first.
    Q_INVOKABLE QVariantList screenPrivacyChanges() const
    {
        QVariantList changes;
        for (const bool hidden : privacy_.changes()) {
            changes.append(hidden);
        }
        return changes;
    }

    // Points the app at a new, empty data directory (the session, if any, is locked first).
    Q_INVOKABLE void useFreshDataDirectory()
    {
        dirs_.push_back(std::make_unique<QTemporaryDir>());
        // A cheap scrypt cost keeps set-up and unlocking fast in tests.
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        context_.configure(dirs_.back()->path().toStdString(), options);
    }

    // The seed call as the built-in catalog has it, but open: what most screen tests write
    // and send to (the seed call itself is closed). The default for every test case.
    Q_INVOKABLE void useOpenSeedCall()
    {
        auto catalog = std::make_shared<amicus::calls::Catalog>(amicus::calls::builtinCatalog());
        catalog->calls.front().status = amicus::calls::CallStatus::Open;
        context_.setCatalog(std::move(catalog));
    }
    // The seed call as published: closed, inputs published.
    Q_INVOKABLE void useBuiltinCatalog()
    {
        context_.setCatalog(std::shared_ptr<const amicus::calls::Catalog>(
            std::shared_ptr<const amicus::calls::Catalog>(), &amicus::calls::builtinCatalog()));
    }
    // The seed call re-issued open with a deadline `daysAhead` days from now (negative: passed),
    // as a practice catalog does.
    Q_INVOKABLE void usePracticeCatalog(int daysAhead)
    {
        context_.setCatalog(std::make_shared<const amicus::calls::Catalog>(
            amicus::calls::builtinPracticeCatalog(QDateTime::currentSecsSinceEpoch(), daysAhead)));
    }

    // The seed call as published, listing its official documents with addresses of their own
    // and a page in French (test addresses): what a secretariat's catalog can give.
    Q_INVOKABLE void useSeedCallWithDocuments()
    {
        auto catalog = std::make_shared<amicus::calls::Catalog>(amicus::calls::builtinCatalog());
        auto& call = catalog->calls.front();
        call.page->set(amicus::calls::Language::Fr, "https://docs.example.org/fr/call", false);
        for (const auto language : {amicus::calls::Language::En, amicus::calls::Language::Fr,
                                    amicus::calls::Language::Es}) {
            const std::string code(amicus::calls::languageCode(language));
            call.documents.push_back({language, amicus::calls::DocumentFormat::Word,
                                      "https://docs.example.org/call-" + code + ".docx"});
        }
        call.documentsOnPage.clear();
        context_.setCatalog(std::move(catalog));
    }

    // From now on what the app hands the system browser (or mail app) is recorded, not opened.
    Q_INVOKABLE void catchOpenedUrls()
    {
        openedUrls_.clear();
        for (const char* scheme : {"http", "https", "mailto"}) {
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), this, "recordOpenedUrl");
        }
    }
    Q_INVOKABLE void releaseOpenedUrls()
    {
        for (const char* scheme : {"http", "https", "mailto"}) {
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
        }
    }
    Q_INVOKABLE QStringList openedUrls() const { return openedUrls_; }

    // Writes `size` bytes (a repeating pattern) to a new file named `name`; returns its URL.
    Q_INVOKABLE QUrl writeFile(const QString& name, int size)
    {
        dirs_.push_back(std::make_unique<QTemporaryDir>());
        const QString path = dirs_.back()->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return {};
        }
        QByteArray bytes(size, '\0');
        for (int i = 0; i < size; ++i) {
            bytes[i] = static_cast<char>('a' + i % 26);
        }
        file.write(bytes);
        return QUrl::fromLocalFile(path);
    }

    // Files the app wrote under the data directory whose bytes contain `marker` (UTF-8).
    Q_INVOKABLE QStringList filesContaining(const QString& marker) const
    {
        QStringList found;
        const QString root = QString::fromStdString(context_.dataDir().string());
        const QByteArray needle = marker.toUtf8();
        std::vector<QString> pending{root};
        while (!pending.empty()) {
            const QString dir = pending.back();
            pending.pop_back();
            for (const QFileInfo& entry : QDir(dir).entryInfoList(
                     QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
                if (entry.isDir()) {
                    pending.push_back(entry.absoluteFilePath());
                    continue;
                }
                QFile file(entry.absoluteFilePath());
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) {
                    found.append(entry.absoluteFilePath());
                }
            }
        }
        return found;
    }

    // The vault's key store: a fake that really wraps the vault key, as a phone's would; the
    // desktop's (none) again with useDesktopKeyStore(). Set it before set-up or unlocking.
    Q_INVOKABLE void useFakeKeyStore()
    {
        auto fake = std::make_unique<amicus::platform::FakeKeyStore>();
        fakeKeyStore_ = fake.get();
        context_.setKeyStore(std::move(fake));
    }
    Q_INVOKABLE void useDesktopKeyStore()
    {
        fakeKeyStore_ = nullptr;
        context_.setKeyStore(nullptr);
    }
    // The fake key store loses its key, as when the phone's screen lock is removed.
    Q_INVOKABLE bool forgetKeyStoreKey() { return fakeKeyStore_ && fakeKeyStore_->forget().ok(); }

    // A digest of every file's name and bytes under the data directory: "nothing changed" is
    // this staying the same.
    Q_INVOKABLE QString dataDirectoryDigest() const
    {
        const QString root = QString::fromStdString(context_.dataDir().string());
        QStringList paths;
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            paths.append(files.next());
        }
        paths.sort();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString& path : paths) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                return {};
            }
            hash.addData(path.toUtf8());
            hash.addData(file.readAll());
        }
        return QString::fromLatin1(hash.result().toHex());
    }

public slots:
    void recordOpenedUrl(const QUrl& url) { openedUrls_.append(url.toString()); }

private:
    amicus::app::AppContext& context_;
    amicus::platform::FakeKeyStore* fakeKeyStore_ = nullptr;
    amicus::platform::FakeElapsedClock& awayClock_;
    const amicus::platform::FakeScreenPrivacy& privacy_;
    TestSharedFiles& sharedFiles_;
    int shared_ = 0;
    std::vector<std::unique_ptr<QTemporaryDir>> dirs_;
    QStringList openedUrls_;
};

class QmlTestSetup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        // The settings are this process's own (own_settings_folder.h): another run's
        // tst_settings.qml changing the sending policy in a shared file once failed
        // tst_review.qml here.
        QStandardPaths::setTestModeEnabled(true);
        amicus::app::configureApplication();
        support_.useFreshDataDirectory();
        support_.useOpenSeedCall();
    }
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        amicus::app::configureEngine(*engine);
        // The view models and singletons of every test file's engine share these services.
        services_.provideTo(*engine);
        presence_->provideTo(*engine);
        qmlRegisterSingletonInstance("AmicusTest", 1, 0, "TestSupport", &support_);
        qmlRegisterSingletonInstance("AmicusTest", 1, 0, "OutboxStates", &outboxStates_);
        qmlRegisterSingletonInstance("AmicusTest", 1, 0, "OutboxSender", &outboxSender_);
    }

private:
    static std::unique_ptr<amicus::app::AutoLock>
    makeAutoLock(amicus::app::AppContext& context, amicus::platform::FakeElapsedClock*& clock)
    {
        auto owned = std::make_unique<amicus::platform::FakeElapsedClock>();
        clock = owned.get();
        auto lock = std::make_unique<amicus::app::AutoLock>(
            context, [] { return 1; }, std::move(owned));
        // As on a phone; measured again often, so that a test waits on the lock, not on time.
        lock->setUnfocusedCountsAsAway(false);
        lock->setRecheckInterval(std::chrono::milliseconds(20));
        return lock;
    }
    static std::unique_ptr<AppPresence> makePresence(amicus::app::AutoLock& lock,
                                                     amicus::platform::FakeScreenPrivacy*& privacy)
    {
        auto owned = std::make_unique<amicus::platform::FakeScreenPrivacy>();
        privacy = owned.get();
        return std::make_unique<AppPresence>(std::move(owned), &lock);
    }

    static TestSharedFiles* useTestSharedFiles(amicus::app::AppServices& services)
    {
        auto owned = std::make_unique<TestSharedFiles>();
        auto* files = owned.get();
        services.setSharedFiles(std::move(owned));
        return files;
    }

    amicus::app::AppContext context_;
    amicus::app::AppServices services_{context_};
    TestSharedFiles* sharedFiles_ = useTestSharedFiles(services_);
    // Not following the real application state: the tests say which state the OS reports.
    amicus::platform::FakeElapsedClock* awayClock_ = nullptr;
    std::unique_ptr<amicus::app::AutoLock> autoLock_ = makeAutoLock(context_, awayClock_);
    amicus::platform::FakeScreenPrivacy* privacy_ = nullptr;
    std::unique_ptr<AppPresence> presence_ = makePresence(*autoLock_, privacy_);
    TestSupport support_{context_, *awayClock_, *privacy_, *sharedFiles_};
    OutboxStates outboxStates_{context_};
    OutboxSenderSupport outboxSender_{services_};
};

QUICK_TEST_MAIN_WITH_SETUP(amicus_qml, QmlTestSetup)

#include "qml_tests_main.moc"
