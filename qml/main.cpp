// The amicus executable: parses the command line and shows the QML app (or renders a screenshot).
#include "app_context.h"
#include "app_setup.h"
#include "app_start.h"
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
// on), the process's CPU time in µs and the objectName of the screen shown, then quits. Both
// times are taken in frameSwapped itself, whichever thread emits it.
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
                std::printf("first-frame %lld %lld %s\n", static_cast<long long>(ns), cpuUs,
                            shown ? qPrintable(shown->objectName()) : "-");
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        },
        static_cast<Qt::ConnectionType>(Qt::DirectConnection | Qt::SingleShotConnection));
}

} // namespace

int main(int argc, char** argv)
{
    const bool screenshot = wantsScreenshot(argc, argv);
    if (screenshot && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        // A screenshot needs no display: render off screen with the software renderer.
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    if (!screenshot && !hasDisplay()) {
        std::fputs("amicus: no display found (DISPLAY or WAYLAND_DISPLAY is not set).\n"
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
                                              QStringLiteral("Render the first screen to FILE "
                                                             "(PNG) and exit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption languageOption(QStringLiteral("lang"),
                                            QStringLiteral("Use this UI language (en, fr or es) "
                                                           "for this run."),
                                            QStringLiteral("CODE"));
    const QCommandLineOption screenOption(QStringLiteral("screen"),
                                          QStringLiteral("With --screenshot: the screen to render "
                                                         "(first, setup, unlock, calls, call)."),
                                          QStringLiteral("NAME"), QStringLiteral("first"));
    const QCommandLineOption firstFrameOption(
        QStringLiteral("exit-after-first-frame"),
        QStringLiteral("Print the monotonic time of the first frame and the screen it shows, "
                       "then exit (for the start-up benchmark, bench/app)."));
    parser.addOption(screenshotOption);
    parser.addOption(screenOption);
    parser.addOption(languageOption);
    parser.addOption(firstFrameOption);
    parser.process(app);

    if (parser.isSet(languageOption)) {
        const QString code = parser.value(languageOption);
        if (!UiLanguage::supportedCodes().contains(code)) {
            std::fprintf(stderr, "amicus: unknown language '%s' (use en, fr or es)\n",
                         qPrintable(code));
            return 2;
        }
        UiLanguage::overrideInitialCode(code);
    }

    amicus::app::AppContext::instance().configure(amicus::app::defaultDataDir());
    amicus::app::AppInstance instance({.renderOnly = parser.isSet(screenshotOption)});
    if (!instance.load()) {
        return 1;
    }
    QQuickWindow* window = instance.window();

    if (parser.isSet(firstFrameOption)) {
        exitAfterFirstFrame(window);
    }

    if (parser.isSet(screenshotOption)) {
        bool shown = false;
        QMetaObject::invokeMethod(window, "showScreen", Q_RETURN_ARG(bool, shown),
                                  Q_ARG(QString, parser.value(screenOption)));
        if (!shown) {
            std::fprintf(stderr, "amicus: unknown screen '%s'\n",
                         qPrintable(parser.value(screenOption)));
            return 2;
        }
        auto* shot = new amicus::app::Screenshot(window, parser.value(screenshotOption), &app);
        shot->start();
    }
    return app.exec();
}
