// The amicus executable: parses the command line and shows the QML app (or renders a screenshot).
#include "app_context.h"
#include "app_setup.h"
#include "app_start.h"
#include "sample_call.h"
#include "sample_vault.h"
#include "screenshot.h"
#include "viewmodels/ui_language.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(AmicusPlugin)

namespace {

// True when argv asks for a screenshot; it must be known before QGuiApplication exists.
bool wantsScreenshot(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0) {
            return true;
        }
    }
    return false;
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

// For bench/app (cold start): on the window's first frame, prints "first-frame NS CPU_US SCREEN":
// the steady clock in ns (on Linux CLOCK_MONOTONIC, the clock the benchmark started its timer
// on), the process's CPU time in µs and the objectName of the screen shown, then ends the process
// at once: nothing after the first frame is measured, so an instruction count (valgrind) of the
// whole run counts only the start-up. Both times are taken in frameSwapped itself, whichever
// thread emits it.
void exitAfterFirstFrame(QQuickWindow* window)
{
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [window] {
            const auto now = std::chrono::steady_clock::now().time_since_epoch();
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
            const auto cpuUs = static_cast<long long>(std::clock()) * 1000000 / CLOCKS_PER_SEC;
            QMetaObject::invokeMethod(window, [window, ns, cpuUs] {
                const auto* screens = window->findChild<QObject*>(QStringLiteral("screens"));
                const auto* shown =
                    screens ? screens->property("currentItem").value<QObject*>() : nullptr;
                (void)std::printf("first-frame %lld %lld %s\n", static_cast<long long>(ns), cpuUs,
                                  shown ? qPrintable(shown->objectName()) : "-");
                (void)std::fflush(stdout);
                std::_Exit(0);
            });
        },
        static_cast<Qt::ConnectionType>(Qt::DirectConnection | Qt::SingleShotConnection));
}

// The screens `--screen` names that show a draft: only a --sample vault has one to show.
bool showsDraft(const QString& screen)
{
    return screen == QStringLiteral("editor") || screen == QStringLiteral("review") ||
           screen == QStringLiteral("export") || screen == QStringLiteral("envelope");
}

// Presses the button with this objectName as a tap does (its clicked signal); false if absent.
bool press(QQuickWindow* window, const QString& objectName)
{
    QObject* button = window->findChild<QObject*>(objectName);
    return button && QMetaObject::invokeMethod(button, "clicked");
}

// Closes the app's session on the sample vault before the sample's directory is removed.
struct SampleSessionCloser {
    explicit SampleSessionCloser(amicus::app::AppContext& context) : context_(context) {}
    SampleSessionCloser(const SampleSessionCloser&) = delete;
    SampleSessionCloser& operator=(const SampleSessionCloser&) = delete;
    ~SampleSessionCloser()
    {
        context_.closeSession(amicus::app::AppContext::CloseReason::LeaveDataDirectory);
    }
    amicus::app::AppContext& context_;
};

} // namespace

int main(int argc, char** argv)
{
    const bool screenshot = wantsScreenshot(argc, argv);
    if (screenshot && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        // A screenshot needs no display: render off screen with the software renderer.
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    if (!screenshot && !hasDisplay()) {
        (void)std::fputs(
            "amicus: no display found (DISPLAY or WAYLAND_DISPLAY is not set).\n"
            "Run it in a desktop session, under `xvfb-run`, or render the first screen\n"
            "to a picture instead: amicus --screenshot welcome.png [--lang en|fr|es]\n",
            stderr);
        return 2;
    }
    amicus::app::chooseRenderer();

    QGuiApplication app(argc, argv);
    amicus::app::configureApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Amicus: submissions to UN calls for input"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render a screen (the first one, or "
                                                             "--screen) to FILE (PNG) and exit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption languageOption(QStringLiteral("lang"),
                                            QStringLiteral("Use this UI language (en, fr or es) "
                                                           "for this run."),
                                            QStringLiteral("CODE"));
    const QCommandLineOption screenOption(
        QStringLiteral("screen"),
        QStringLiteral("With --screenshot: the screen to render: first (default), setup, unlock, "
                       "calls, call, drafts, outbox, settings; with --sample also editor, review, "
                       "export (the review screen with its export dialog open) and envelope (the "
                       "outbox's \"Send it yourself\" dialog, the sealed envelope first), not "
                       "setup."),
        QStringLiteral("NAME"), QStringLiteral("first"));
    const QCommandLineOption sampleOption(
        QStringLiteral("sample"),
        QStringLiteral("With --screenshot: render over a throwaway sample vault instead of your "
                       "data: made in a new temporary directory, unlocked, holding a draft and a "
                       "finished submission in the --lang language, and removed at exit. Nothing "
                       "is sent."));
    const QCommandLineOption callOption(
        QStringLiteral("call"),
        QStringLiteral("With --sample: the call the sample answers: published (the built-in call "
                       "as published, closed) or practice (a labelled practice copy of it, open "
                       "for four weeks, as scripts/run.sh's demo secretariat issues it). Default: "
                       "practice for editor, review, export, envelope and outbox, published for "
                       "the others."),
        QStringLiteral("KIND"));
    const QCommandLineOption scrollOption(
        QStringLiteral("scroll-to"),
        QStringLiteral("With --screenshot: scroll the screen so that the item with this "
                       "objectName is in view (e.g. callContact, the end of a call's page)."),
        QStringLiteral("NAME"));
    const QCommandLineOption firstFrameOption(
        QStringLiteral("exit-after-first-frame"),
        QStringLiteral("Print the monotonic time of the first frame and the screen it shows, "
                       "then exit (for the start-up benchmark, bench/app)."));
    parser.addOption(screenshotOption);
    parser.addOption(screenOption);
    parser.addOption(languageOption);
    parser.addOption(sampleOption);
    parser.addOption(callOption);
    parser.addOption(scrollOption);
    parser.addOption(firstFrameOption);
    parser.process(app);

    if (parser.isSet(languageOption)) {
        const QString code = parser.value(languageOption);
        if (!UiLanguage::supportedCodes().contains(code)) {
            (void)std::fprintf(stderr, "amicus: unknown language '%s' (use en, fr or es)\n",
                               qPrintable(code));
            return 2;
        }
        UiLanguage::overrideInitialCode(code);
    }

    const bool rendering = parser.isSet(screenshotOption);
    const QString screen = parser.value(screenOption);
    const bool useSample = parser.isSet(sampleOption);
    if (useSample && !rendering) {
        (void)std::fputs("amicus: --sample goes with --screenshot only\n", stderr);
        return 2;
    }
    if (rendering && showsDraft(screen) && !useSample) {
        (void)std::fprintf(stderr, "amicus: the screen '%s' shows a draft: add --sample\n",
                           qPrintable(screen));
        return 2;
    }
    if (parser.isSet(callOption) && !useSample) {
        (void)std::fputs("amicus: --call goes with --sample only\n", stderr);
        return 2;
    }
    const auto sampleCall = parser.isSet(callOption)
                                ? amicus::app::sampleCallNamed(parser.value(callOption))
                                : amicus::app::defaultSampleCall(screen);
    if (!sampleCall) {
        (void)std::fprintf(stderr, "amicus: unknown call '%s' (use published or practice)\n",
                           qPrintable(parser.value(callOption)));
        return 2;
    }
    if (useSample && screen == QStringLiteral("setup")) {
        (void)std::fputs("amicus: set-up comes before any vault: render it without --sample\n",
                         stderr);
        return 2;
    }

    amicus::app::AppContext context;
    std::unique_ptr<amicus::app::SampleVault> sample;
    std::optional<SampleSessionCloser> closeSampleSession;
    if (useSample) {
        context.setCatalog(amicus::app::sampleCatalog(
            *sampleCall, std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count()));
        const auto& calls = context.catalog()->calls;
        if (calls.empty()) {
            (void)std::fputs("amicus: the catalog has no call for the sample to answer\n", stderr);
            return 1;
        }
        auto made = amicus::app::SampleVault::create(UiLanguage::initialCode(), calls.front());
        if (!made) {
            (void)std::fprintf(stderr, "amicus: could not make the sample vault (%s)\n",
                               made.error().detail.c_str());
            return 1;
        }
        sample = std::move(made).value();
        context.configure(sample->dataDir(), amicus::app::SampleVault::vaultOptions());
        // The unlock screen shows the sample's vault locked, as the app starts on it.
        if (screen != QStringLiteral("unlock")) {
            context.adoptSession(sample->takeSession());
            closeSampleSession.emplace(context);
        }
    } else {
        context.configure(amicus::app::defaultDataDir());
    }

    amicus::app::AppInstance instance(context, {.renderOnly = rendering});
    if (!instance.load()) {
        return 1;
    }
    QQuickWindow* window = instance.window();

    if (parser.isSet(firstFrameOption)) {
        exitAfterFirstFrame(window);
    }

    if (rendering) {
        bool shown = false;
        // The envelope is the outbox's "Send it yourself…" on the queued submission.
        const bool envelope = screen == QStringLiteral("envelope");
        QMetaObject::invokeMethod(window, "showScreen", Q_RETURN_ARG(bool, shown),
                                  Q_ARG(QString, envelope ? QStringLiteral("outbox") : screen),
                                  Q_ARG(int, sample ? static_cast<int>(sample->draftId()) : -1));
        if (!shown) {
            (void)std::fprintf(stderr, "amicus: unknown screen '%s'\n", qPrintable(screen));
            return 2;
        }
        if (screen == QStringLiteral("export") && !press(window, QStringLiteral("exportButton"))) {
            (void)std::fputs("amicus: the review screen has no export button\n", stderr);
            return 1;
        }
        auto* shot = new amicus::app::Screenshot(window, parser.value(screenshotOption), &app);
        if (parser.isSet(scrollOption)) {
            shot->scrollTo(parser.value(scrollOption));
        } else if (screen == QStringLiteral("editor")) {
            // The attachments in view: a document, and a photo sent as its smaller copy.
            shot->scrollTo(QStringLiteral("attachmentSize_0"));
        }
        if (envelope) {
            shot->press(QStringLiteral("outboxSendYourself_0"));
        }
        shot->start();
    }
    return app.exec();
}
