#include "app_settings.h"

#include "app_context.h"
#include "app_services.h"
#include "passphrase_bytes.h"
#include "passphrase_strength.h"
#include "store/vault_session.h"
#include "sync_service.h"

#include <QCoreApplication>
#include <QSettings>
#include <QVariantMap>
#include <archive.h>
#include <curl/curl.h>
#include <memory>
#include <openssl/crypto.h>
#include <sqlite3.h>

using amicus::app::AppContext;
using amicus::app::AppServices;

namespace {

// Not personal, and needed while locked (auto-lock) or before unlocking: plain QSettings.
const QString kPolicyKey = QStringLiteral("sync/policy");
const QString kAutoLockKey = QStringLiteral("security/autoLockMinutes");
constexpr int kDefaultAutoLockMinutes = 5;

} // namespace

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

int AppSettings::storedSendingPolicy()
{
    const int stored = QSettings().value(kPolicyKey, 0).toInt();
    if (stored < 0 || stored > static_cast<int>(SendingPolicy::Manual)) {
        return static_cast<int>(SendingPolicy::AnyNetwork);
    }
    return stored;
}

AppSettings::SendingPolicy AppSettings::sendingPolicy() const
{
    return static_cast<SendingPolicy>(storedSendingPolicy());
}

void AppSettings::setSendingPolicy(SendingPolicy policy)
{
    if (policy == sendingPolicy()) {
        return;
    }
    QSettings().setValue(kPolicyKey, static_cast<int>(policy));
    if (auto* service = services_.sync()) {
        service->setPolicy(static_cast<amicus::sync::SyncPolicy>(policy));
    }
    emit sendingPolicyChanged();
}

int AppSettings::autoLockMinutes() const
{
    return storedAutoLockMinutes();
}

int AppSettings::storedAutoLockMinutes()
{
    return std::max(0, QSettings().value(kAutoLockKey, kDefaultAutoLockMinutes).toInt());
}

void AppSettings::setAutoLockMinutes(int minutes)
{
    if (minutes < 0 || minutes == autoLockMinutes()) {
        return;
    }
    QSettings().setValue(kAutoLockKey, minutes);
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
    // A vault object of its own: the session's may be locked (destroyed) meanwhile.
    const auto vaultDir = amicus::store::DataLayout::vaultDir(services_.context().dataDir());
    const auto options = services_.context().vaultOptions();
    worker_.start([this, vaultDir, options, oldSecret, newSecret] {
        auto problem = Problem::None;
        auto vault = amicus::crypto::Vault::open(vaultDir, options);
        if (!vault) {
            problem = Problem::fromLoginError(amicus::store::loginErrorFromVault(vault.error()));
        } else if (auto changed = (*vault)->changePassphrase(oldSecret->view(), newSecret->view());
                   !changed) {
            problem = Problem::fromLoginError(amicus::store::loginErrorFromVault(changed.error()));
        }
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
    auto& context = services_.context();
    // The sender too stops before the files go (locking alone would leave it sending).
    context.closeSession(AppContext::CloseReason::LeaveDataDirectory);
    const auto outcome = amicus::store::VaultSession::eraseDataDirectory(context.dataDir());
    setProblem(outcome ? Problem::None : Problem::fromStoreError(outcome.error().code));
    // The Session follows: no vault any more, so it shows the first-run set-up.
    context.configure(context.dataDir(), context.vaultOptions());
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
