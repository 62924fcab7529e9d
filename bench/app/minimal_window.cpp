// The peer of the cold-start benchmark: a Material ApplicationWindow with one Label, started
// the way the amicus executable starts (same style, same renderer choice, compiled QML in the
// same kind of module), printing the steady clock at its first frame like
// `amicus --exit-after-first-frame`.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

int main(int argc, char** argv)
{
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/AmicusBenchMinimal/MinimalWindow.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) {
        return 1;
    }
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [window] {
            const auto now = std::chrono::steady_clock::now().time_since_epoch();
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
            const auto cpuUs = static_cast<long long>(std::clock()) * 1000000 / CLOCKS_PER_SEC;
            QMetaObject::invokeMethod(window, [ns, cpuUs] {
                std::printf("first-frame %lld %lld minimal\n", static_cast<long long>(ns), cpuUs);
                std::fflush(stdout);
                std::_Exit(0); // as amicus does: no clean-up counted after the first frame
            });
        },
        static_cast<Qt::ConnectionType>(Qt::DirectConnection | Qt::SingleShotConnection));
    return app.exec();
}
