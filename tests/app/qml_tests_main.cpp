// Runs the Qt Quick Tests in tests/app/qml against the statically linked Amicus module, each
// test case free to start from an empty data directory (TestSupport).
#include "app_context.h"
#include "app_services.h"
#include "app_setup.h"
#include "calls/builtin_catalog.h"
#include "calls/practice_catalog.h"
#include "outbox_sender_support.h"
#include "outbox_states.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(AmicusPlugin)

// Test-only helpers for the QML tests: fresh data directories and files to attach.
class TestSupport : public QObject {
    Q_OBJECT

public:
    explicit TestSupport(amicus::app::AppContext& context) : context_(context) {}

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

private:
    amicus::app::AppContext& context_;
    std::vector<std::unique_ptr<QTemporaryDir>> dirs_;
};

class QmlTestSetup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
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
        qmlRegisterSingletonInstance("AmicusTest", 1, 0, "TestSupport", &support_);
        qmlRegisterSingletonInstance("AmicusTest", 1, 0, "OutboxStates", &outboxStates_);
        qmlRegisterSingletonInstance("AmicusTest", 1, 0, "OutboxSender", &outboxSender_);
    }

private:
    amicus::app::AppContext context_;
    amicus::app::AppServices services_{context_};
    TestSupport support_{context_};
    OutboxStates outboxStates_{context_};
    OutboxSenderSupport outboxSender_{services_};
};

QUICK_TEST_MAIN_WITH_SETUP(amicus_qml, QmlTestSetup)

#include "qml_tests_main.moc"
