#include "app_settings.h"

#include "app_context.h"
#include "app_services.h"
#include "device_settings.h"
#include "passphrase_bytes.h"
#include "passphrase_strength.h"
#include "store/passphrase_change.h"
#include "sync_service.h"

#include <QCoreApplication>
#include <QVariantMap>
#include <archive.h>
#include <curl/curl.h>
#include <memory>
#include <openssl/crypto.h>
#include <sqlite3.h>

using amicus::app::AppServices;

AppSettings::AppSettings(AppServices& services, QObject* parent)
    : QObject(parent), services_(services)
{
    worker_.setMaxThreadCount(1);
}

AppSettings* AppSettings::create(QQmlEngine* engine, QJSEngine*)
{
    AppServices* services = AppServices::of(engine);
    Q_ASSERT_X(services, "AppSettings", "the engine was handed no AppServices");
    return new AppSettings(*services);
}

AppSettings::~AppSettings()
{
    worker_.waitForDone();
}

AppSettings::SendingPolicy AppSettings::sendingPolicy() const
{
    return static_cast<SendingPolicy>(amicus::app::storedSendingPolicy());
}

void AppSettings::setSendingPolicy(SendingPolicy policy)
{
    if (policy == sendingPolicy()) {
        return;
    }
    const auto syncPolicy = static_cast<amicus::sync::SyncPolicy>(policy);
    amicus::app::storeSendingPolicy(syncPolicy);
    if (auto* service = services_.sync()) {
        service->setPolicy(syncPolicy);
    }
    emit sendingPolicyChanged();
}

int AppSettings::autoLockMinutes() const
{
    return amicus::app::storedAutoLockMinutes();
}

void AppSettings::setAutoLockMinutes(int minutes)
{
    if (minutes < 0 || minutes == autoLockMinutes()) {
        return;
    }
    amicus::app::storeAutoLockMinutes(minutes);
    emit autoLockMinutesChanged();
}

QString AppSettings::appVersion() const
{
    return QCoreApplication::applicationVersion();
}

QVariantList AppSettings::components() const
{
    const auto row = [](const QString& name, const QString& version, const QString& licence) {
        return QVariantMap{{QStringLiteral("name"), name},
                           {QStringLiteral("version"), version},
                           {QStringLiteral("licence"), licence}};
    };
    return {
        row(QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0")),
        row(QStringLiteral("OpenSSL"), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING)),
            QStringLiteral("Apache-2.0")),
        row(QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()),
            // A licence's name, unless it has none: the screen translates it (qsTranslate).
            QStringLiteral(QT_TRANSLATE_NOOP("AppSettings", "Public domain"))),
        row(QStringLiteral("libcurl"),
            QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version),
            QStringLiteral("curl")),
        // archive_version_string() says "libarchive 3.6.2": the name is in its own column.
        row(QStringLiteral("libarchive"),
            QString::fromLatin1(archive_version_string()).remove(QStringLiteral("libarchive ")),
            QStringLiteral("BSD-2-Clause")),
        row(QStringLiteral("nlohmann/json"), QStringLiteral("3"), QStringLiteral("MIT")),
    };
}

void AppSettings::changePassphrase(const QString& current, const QString& next,
                                   const QString& confirmation)
{
    if (busy_) {
        return;
    }
    if (!services_.context().session()) {
        setProblem(Problem::VaultLocked);
        return;
    }
    if (next.size() < amicus::app::minimumPassphraseLength) {
        setProblem(Problem::PassphraseTooShort);
        return;
    }
    if (next != confirmation) {
        setProblem(Problem::PassphrasesDiffer);
        return;
    }
    setProblem(Problem::None);
    setBusy(true);
    auto oldSecret = std::make_shared<PassphraseBytes>(current);
    auto newSecret = std::make_shared<PassphraseBytes>(next);
    const auto dataDir = services_.context().dataDir();
    const auto options = services_.context().vaultOptions();
    worker_.start([this, dataDir, options, oldSecret, newSecret] {
        const auto changed = amicus::store::changeVaultPassphrase(dataDir, oldSecret->view(),
                                                                  newSecret->view(), options);
        const auto problem = changed ? Problem::None : Problem::fromLoginError(changed.error());
        QMetaObject::invokeMethod(this, [this, problem] {
            setBusy(false);
            setProblem(problem);
            if (problem == Problem::None) {
                emit passphraseChanged();
            }
        });
    });
}

void AppSettings::eraseEverything()
{
    const auto outcome = services_.context().eraseEverything();
    setProblem(outcome ? Problem::None : Problem::fromStoreError(outcome.error().code));
    emit erased();
}

void AppSettings::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged();
    }
}

void AppSettings::setProblem(Problem::Code problem)
{
    if (problem != problem_) {
        problem_ = problem;
        emit problemChanged();
    }
}
