// Runs the Qt Quick Tests in tests/app/qml against the statically linked Amicus module.
#include "app_setup.h"

#include <QQmlEngine>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(AmicusPlugin)

class QmlTestSetup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true);
        amicus::app::configureApplication();
    }
    void qmlEngineAvailable(QQmlEngine* engine) { amicus::app::configureEngine(*engine); }
};

QUICK_TEST_MAIN_WITH_SETUP(amicus_qml, QmlTestSetup)

#include "qml_tests_main.moc"
