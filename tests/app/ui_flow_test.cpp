// The real app, driven through its window as a user drives it, against the real reference
// endpoint: first run in French, a passphrase, the call, a draft with every answer and an
// attached file (picked in the file dialog), rotation and the Android back key while editing,
// review, send, the outbox showing "delivered" with the receipt's short hash; the secretariat
// opens what arrived with the `age` command line; then lock, a restart of the whole QML engine
// over the same data directory, unlock, and the delivered submission is still listed.
// Everything the process logs meanwhile (Qt messages and the raw stderr) is audited for the
// personal text the user typed.
#include "../calls/endpoint_process.h"
#include "app_context.h"
#include "app_setup.h"
#include "app_start.h"
#include "calls/builtin_catalog.h"
#include "crypto/age_keys.h"
#include "crypto/ed25519.h"
#include "ui_driver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QMutex>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>

using amicus::app::AppContext;
using amicus::app::AppInstance;

namespace {

// Everything logged through Qt while the handler is installed, also written on to stderr.
QMutex loggedMutex;
QStringList logged;

void recordMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    {
        QMutexLocker lock(&loggedMutex);
        logged.append(message);
    }
    const QByteArray line = message.toUtf8() + '\n';
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.constData(), line.size());
}

// The process's stderr (fd 2), redirected into a file for the whole run; the original is kept
// so the test's own diagnostics can still be shown.
class StderrCapture {
public:
    explicit StderrCapture(const QString& path)
    {
        (void)std::fflush(stderr);
        original_ = ::dup(STDERR_FILENO);
        const int file = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (original_ >= 0 && file >= 0) {
            ::dup2(file, STDERR_FILENO);
            active_ = true;
        }
        if (file >= 0) {
            ::close(file);
        }
        path_ = path;
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    [[nodiscard]] bool active() const { return active_; }
    [[nodiscard]] QByteArray contents() const
    {
        (void)std::fflush(stderr);
        QFile file(path_);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    void restore()
    {
        if (original_ < 0) {
            return;
        }
        (void)std::fflush(stderr);
        ::dup2(original_, STDERR_FILENO);
        ::close(original_);
        original_ = -1;
    }

private:
    int original_ = -1;
    bool active_ = false;
    QString path_;
};

StderrCapture* theCapture = nullptr;

QString translated(const char* context, const char* source, const char* disambiguation = nullptr)
{
    return QCoreApplication::translate(context, source, disambiguation);
}

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// What the user types: each carries a token found nowhere else, for the log audit.
const QString kPassphrase = QStringLiteral("orchidée lanterne QUOKKA7 marée");
const QString kOrganization = QStringLiteral("Collectif Zébrure 5813");
const QString kCountry = QStringLiteral("Sénégal PANGOLIN");
const QString kContact = QStringLiteral("ocelot-2207@exemple.org");
const QString kAttachmentName = QStringLiteral("rapport-ZORILLE-terrain.pdf");

QString answerText(int index, const QString& tail)
{
    return QStringLiteral("Réponse %1 du terrain, témoin TAPIR%2%3")
        .arg(index + 1)
        .arg(41 + index)
        .arg(tail);
}

} // namespace

// A step done in a helper: stop the test at the first one that fails.
#define STEP(...)                                                                                  \
    do {                                                                                           \
        __VA_ARGS__;                                                                               \
        if (QTest::currentTestFailed()) {                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

class UiFlowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aSubmissionGoesFromFirstRunToDeliveredThroughTheWindow();
    void nothingTheUserTypedReachesTheLogs();
    void cleanupTestCase();

private:
    // Starts the app as `amicus` does, in a portrait window (400x800), and waits until it shows.
    bool startApp();
    void stopApp();

    // Each step fails the test with the reason a user could not do it.
    void click(const QString& name);
    void type(const QString& name, const QString& text);
    void waitFor(const QString& name);
    QString textOf(const QString& name);
    // In Qt's own file dialog (open): Ctrl+L for the location bar, the file's path, Return.
    void pickFile(const QString& path);

    QTemporaryDir root_;
    std::filesystem::path base_;
    std::unique_ptr<amicus::calls::testing::EndpointProcess> endpoint_;
    std::string secretariatKey_;
    std::unique_ptr<AppInstance> app_;
    std::unique_ptr<UiDriver> ui_;
    QStringList questionIds_;
    QtMessageHandler previousHandler_ = nullptr;
};

void UiFlowTest::initTestCase()
{
    previousHandler_ = qInstallMessageHandler(recordMessage);
    QVERIFY(root_.isValid());
    base_ = root_.path().toStdString();

    // The secretariat: an age identity of its own, and the real reference endpoint.
    auto secretariat = amicus::crypto::X25519Identity::generate();
    QVERIFY(secretariat.ok());
    secretariatKey_ = (base_ / "secretariat.key").string();
    std::ofstream(secretariatKey_) << secretariat->toString() << "\n";
    std::filesystem::create_directories(base_ / "endpoint" / "keys");
    endpoint_ = std::make_unique<amicus::calls::testing::EndpointProcess>(
        std::vector<std::string>{"node", AMICUS_SERVER_MAIN}, base_ / "endpoint",
        base_ / "endpoint" / "keys");
    QVERIFY2(!endpoint_->origin().empty(), "the reference endpoint did not start");
    const auto receiptKey = amicus::crypto::Ed25519PublicKey::fromBase64(endpoint_->receiptKey());
    QVERIFY(receiptKey.ok());

    // The bundled call, issued by this secretariat and sent to this endpoint: what a signed
    // catalog refresh would install.
    auto catalog = std::make_shared<amicus::calls::Catalog>(amicus::calls::builtinCatalog());
    auto& call = catalog->calls.front();
    call.endpoint = endpoint_->origin() + "/files";
    call.recipients = {secretariat->recipient().toString()};
    call.receiptKey = receiptKey->raw();
    call.receiptKeyBase64 = endpoint_->receiptKey();
    for (const auto& question : call.questions) {
        questionIds_.append(QString::fromStdString(question.id));
    }
    QVERIFY(!questionIds_.isEmpty());

    amicus::crypto::VaultOptions options;
    // A fast key derivation: the test makes the vault and opens it again.
    options.scryptWorkFactor = 12;
    AppContext::instance().configure(base_ / "data", options);
    AppContext::instance().setCatalog(catalog);
}

bool UiFlowTest::startApp()
{
    app_ = std::make_unique<AppInstance>(AppInstance::Options{});
    if (!app_->load()) {
        return false;
    }
    QQuickWindow* window = app_->window();
    window->resize(400, 800);
    ui_ = std::make_unique<UiDriver>(window);
    return QTest::qWaitForWindowExposed(window);
}

void UiFlowTest::stopApp()
{
    ui_.reset();
    app_.reset();
}

void UiFlowTest::click(const QString& name)
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(ui_->find(name) != nullptr,
                              qPrintable(QStringLiteral("%1 never became visible").arg(name)),
                              10000);
    QVERIFY2(ui_->click(name, &why), qPrintable(why));
}

void UiFlowTest::type(const QString& name, const QString& text)
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(ui_->find(name) != nullptr,
                              qPrintable(QStringLiteral("%1 never became visible").arg(name)),
                              10000);
    QVERIFY2(ui_->type(name, text, &why), qPrintable(why));
}

void UiFlowTest::waitFor(const QString& name)
{
    QTRY_VERIFY2_WITH_TIMEOUT(ui_->find(name) != nullptr,
                              qPrintable(QStringLiteral("%1 never became visible").arg(name)),
                              20000);
}

QString UiFlowTest::textOf(const QString& name)
{
    QQuickItem* item = ui_->find(name);
    return item ? item->property("text").toString() : QString();
}

void UiFlowTest::pickFile(const QString& path)
{
    QQuickWindow* window = ui_->window();
    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY2(
        window->activeFocusItem() && window->activeFocusItem()->inherits("QQuickTextField") &&
            window->activeFocusItem()->property("text").toString().startsWith(QLatin1Char('/')),
        "the file dialog's location bar did not open");
    ui_->typeText(path);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_VERIFY2(ui_->find(QStringLiteral("fileDialogListView")) == nullptr,
                 "the file dialog did not close");
}

void UiFlowTest::aSubmissionGoesFromFirstRunToDeliveredThroughTheWindow()
{
    QVERIFY(startApp());

    // First run: French, what is protected, then the passphrase.
    STEP(waitFor(QStringLiteral("setupScreen")));
    STEP(click(QStringLiteral("setupLanguage_fr")));
    QTRY_COMPARE(textOf(QStringLiteral("setupLanguageNext")),
                 translated("SetupScreen", "Continue"));
    QVERIFY2(textOf(QStringLiteral("setupLanguageNext")) != QStringLiteral("Continue"),
             "the French translation is not in place");
    STEP(click(QStringLiteral("setupLanguageNext")));
    STEP(click(QStringLiteral("setupPrivacyNext")));
    STEP(type(QStringLiteral("setupPassphrase"), kPassphrase));
    STEP(type(QStringLiteral("setupConfirmation"), kPassphrase));
    STEP(click(QStringLiteral("setupCreate")));
    STEP(waitFor(QStringLiteral("homeScreen")));

    // The call, and a new draft of it.
    STEP(click(QStringLiteral("callsTab")));
    STEP(click(QStringLiteral("call_0")));
    STEP(waitFor(QStringLiteral("callScreen")));
    STEP(click(QStringLiteral("startDraftButton")));
    STEP(waitFor(QStringLiteral("draftEditorScreen")));

    // The submitter, every answer, publication.
    STEP(type(QStringLiteral("organizationField"), kOrganization));
    STEP(click(QStringLiteral("organizationKindField")));
    QTest::keyClick(ui_->window(), Qt::Key_Down);
    QTest::keyClick(ui_->window(), Qt::Key_Return);
    QTRY_COMPARE(
        ui_->find(QStringLiteral("organizationKindField"))->property("currentIndex").toInt(), 0);
    STEP(type(QStringLiteral("countryField"), kCountry));
    STEP(type(QStringLiteral("contactField"), kContact));
    for (int i = 0; i < questionIds_.size(); ++i) {
        STEP(type(QStringLiteral("answer_") + questionIds_[i], answerText(i, QString())));
    }
    STEP(click(QStringLiteral("consentPublic")));

    // A real file, picked in the file dialog: its folder typed in the location bar, the file
    // clicked, then Open.
    const QString attachmentDir = root_.filePath(QStringLiteral("documents"));
    QVERIFY(QDir().mkpath(attachmentDir));
    QFile attachment(attachmentDir + QLatin1Char('/') + kAttachmentName);
    QVERIFY(attachment.open(QIODevice::WriteOnly));
    QByteArray document("%PDF-1.4\n% a field report\n");
    document.append(QByteArray(120'000, 'r'));
    attachment.write(document);
    attachment.close();
    STEP(click(QStringLiteral("addAttachmentButton")));
    STEP(waitFor(QStringLiteral("fileDialogListView")));
    STEP(pickFile(attachment.fileName()));
    QTRY_VERIFY_WITH_TIMEOUT(ui_->find(QStringLiteral("removeAttachment_0")) != nullptr, 10000);

    // Rotation while editing: portrait, landscape, portrait; nothing typed is lost.
    const QString lastAnswer = QStringLiteral("answer_") + questionIds_.last();
    ui_->window()->resize(800, 400);
    QTRY_COMPARE(ui_->window()->width(), 800);
    STEP(type(lastAnswer, QStringLiteral(" paysage")));
    ui_->window()->resize(400, 800);
    QTRY_COMPARE(ui_->window()->height(), 800);
    QCOMPARE(textOf(lastAnswer), answerText(questionIds_.size() - 1, QStringLiteral(" paysage")));
    QCOMPARE(textOf(QStringLiteral("organizationField")), kOrganization);
    QCOMPARE(textOf(QStringLiteral("saveState")),
             translated("DraftEditorScreen", "Saved, encrypted on this device"));

    // The Android back key from the editor: back to the previous screen; the draft reopens
    // with every word.
    QTest::keyClick(ui_->window(), Qt::Key_Back);
    QTRY_VERIFY_WITH_TIMEOUT(ui_->find(QStringLiteral("draftEditorScreen")) == nullptr, 5000);
    STEP(waitFor(QStringLiteral("homeScreen")));
    STEP(click(QStringLiteral("draftsTab")));
    STEP(click(QStringLiteral("draft_0")));
    STEP(waitFor(QStringLiteral("draftEditorScreen")));
    QTRY_COMPARE(textOf(QStringLiteral("organizationField")), kOrganization);
    QCOMPARE(textOf(QStringLiteral("countryField")), kCountry);
    QCOMPARE(textOf(QStringLiteral("contactField")), kContact);
    for (int i = 0; i < questionIds_.size(); ++i) {
        const QString tail = i == questionIds_.size() - 1 ? QStringLiteral(" paysage") : QString();
        QCOMPARE(textOf(QStringLiteral("answer_") + questionIds_[i]), answerText(i, tail));
    }
    QVERIFY(ui_->find(QStringLiteral("removeAttachment_0")) != nullptr);
    QVERIFY(ui_->find(QStringLiteral("consentPublic"))->property("checked").toBool());

    // Review and send.
    STEP(click(QStringLiteral("reviewButton")));
    STEP(waitFor(QStringLiteral("reviewScreen")));
    QTRY_COMPARE(ui_->findAny(QStringLiteral("reviewIssues"))->property("count").toInt(), 0);
    STEP(click(QStringLiteral("sendButton")));

    // The outbox: delivered, with the receipt's short hash.
    STEP(waitFor(QStringLiteral("outboxScreen")));
    STEP(waitFor(QStringLiteral("outboxStatus_0")));
    const auto uploads = base_ / "endpoint" / "uploads";
    std::filesystem::path stored;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::error_code error;
            for (const auto& entry : std::filesystem::directory_iterator(uploads, error)) {
                if (entry.is_regular_file() && entry.path().extension() != ".json") {
                    stored = entry.path();
                }
            }
            return !stored.empty();
        }(),
        30000);
    const QString deliveredPrefix =
        translated("OutboxScreen", "Delivered %1 · receipt %2").section(QStringLiteral("%1"), 0, 0);
    QTRY_VERIFY_WITH_TIMEOUT(textOf(QStringLiteral("outboxStatus_0")).startsWith(deliveredPrefix),
                             30000);
    QFile storedFile(QString::fromStdString(stored.string()));
    QVERIFY(storedFile.open(QIODevice::ReadOnly));
    const QString shortHash = QString::fromLatin1(
        QCryptographicHash::hash(storedFile.readAll(), QCryptographicHash::Sha256)
            .toHex()
            .left(16));
    QVERIFY2(textOf(QStringLiteral("outboxStatus_0")).endsWith(shortHash),
             qPrintable(textOf(QStringLiteral("outboxStatus_0")) + " / " + shortHash));

    // What the endpoint stored is what the secretariat opens.
    const auto unpacked = base_ / "unpacked";
    std::filesystem::create_directories(unpacked);
    const std::string command = "age -d -i '" + secretariatKey_ + "' '" + stored.string() +
                                "' | tar -x -C '" + unpacked.string() + "'";
    QCOMPARE(std::system(command.c_str()), 0);
    const QString json = QString::fromStdString(readText(unpacked / "submission.json"));
    QVERIFY2(json.contains(kOrganization), qPrintable(json));
    QVERIFY(json.contains(kCountry));
    QVERIFY(json.contains(kContact));
    for (int i = 0; i < questionIds_.size(); ++i) {
        const QString tail = i == questionIds_.size() - 1 ? QStringLiteral(" paysage") : QString();
        QVERIFY2(json.contains(answerText(i, tail)), qPrintable(answerText(i, tail)));
    }
    QVERIFY(json.contains(kAttachmentName));
    bool attachmentFound = false;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(unpacked)) {
        if (entry.is_regular_file() && entry.path().filename() == kAttachmentName.toStdString()) {
            attachmentFound = readText(entry.path()) == document.toStdString();
        }
    }
    QVERIFY2(attachmentFound, "the attached file is not in the package, byte for byte");

    // Lock, then start the whole QML engine again over the same data directory.
    STEP(click(QStringLiteral("lockButton")));
    STEP(waitFor(QStringLiteral("unlockScreen")));
    stopApp();
    QVERIFY(AppContext::instance().session() == nullptr);
    QVERIFY(startApp());
    STEP(waitFor(QStringLiteral("unlockScreen")));
    STEP(type(QStringLiteral("unlockPassphrase"), kPassphrase));
    STEP(click(QStringLiteral("unlockButton")));
    STEP(waitFor(QStringLiteral("homeScreen")));
    STEP(click(QStringLiteral("outboxTab")));
    STEP(waitFor(QStringLiteral("outboxStatus_0")));
    QTRY_VERIFY(textOf(QStringLiteral("outboxStatus_0")).startsWith(deliveredPrefix));
    QVERIFY(textOf(QStringLiteral("outboxStatus_0")).endsWith(shortHash));
    QVERIFY(ui_->find(QStringLiteral("outbox_1")) == nullptr);
    STEP(click(QStringLiteral("lockButton")));
    STEP(waitFor(QStringLiteral("unlockScreen")));
    stopApp();
}

void UiFlowTest::nothingTheUserTypedReachesTheLogs()
{
    QVERIFY(theCapture != nullptr && theCapture->active());
    // The capture itself works: a Qt message and a raw write both land in it.
    qWarning("ui-flow log probe");
    (void)std::fputs("ui-flow stderr probe\n", stderr);
    (void)std::fflush(stderr);
    const QByteArray raw = theCapture->contents();
    QString everything = QString::fromUtf8(raw);
    {
        QMutexLocker lock(&loggedMutex);
        QVERIFY(logged.contains(QStringLiteral("ui-flow log probe")));
        everything += QLatin1Char('\n') + logged.join(QLatin1Char('\n'));
    }
    QVERIFY(raw.contains("ui-flow stderr probe"));

    QStringList markers = {kPassphrase,
                           QStringLiteral("QUOKKA7"),
                           kOrganization,
                           QStringLiteral("Zébrure"),
                           kCountry,
                           QStringLiteral("PANGOLIN"),
                           kContact,
                           QStringLiteral("ocelot-2207"),
                           kAttachmentName,
                           QStringLiteral("ZORILLE"),
                           QStringLiteral("paysage")};
    for (int i = 0; i < questionIds_.size(); ++i) {
        markers.append(QStringLiteral("TAPIR%1").arg(41 + i));
    }
    for (const QString& marker : markers) {
        QVERIFY2(!everything.contains(marker, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("personal text in the logs: %1").arg(marker)));
    }
}

void UiFlowTest::cleanupTestCase()
{
    stopApp();
    endpoint_.reset();
    qInstallMessageHandler(previousHandler_);
}

int main(int argc, char** argv)
{
    // A first run: settings (language, policy) and data of this test only.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("share")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toLocal8Bit());
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Said before the capture starts: should the process die (a sanitizer report, a crash),
    // what it wrote is in that file.
    const QString capturePath = home.filePath(QStringLiteral("stderr.log"));
    (void)std::fprintf(stderr, "ui_flow_tests: stderr is captured in %s until the end of the run\n",
                       qPrintable(capturePath));
    StderrCapture capture(capturePath);
    theCapture = &capture;
    amicus::app::chooseRenderer();
    QGuiApplication app(argc, argv);
    amicus::app::configureApplication();
    UiFlowTest test;
    const int failed = QTest::qExec(&test, argc, argv);
    const QByteArray logs = capture.contents();
    capture.restore();
    theCapture = nullptr;
    (void)std::fprintf(stderr, "--- what the process logged ---\n%s--- end ---\n",
                       logs.constData());
    return failed;
}

#include "ui_flow_test.moc"
