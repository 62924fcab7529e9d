// Runs the Qt Quick Tests in tests/app/qml against the statically linked Amicus module.
#include "app_context.h"
#include "app_setup.h"

#include <QQmlEngine>
#include <QStandardPaths>
#include <QTemporaryDir>
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
        // A fresh data directory per run; a cheap scrypt cost keeps unlocking fast in tests.
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        amicus::app::AppContext::instance().configure(dataDir_.path().toStdString(), options);
    }
    void qmlEngineAvailable(QQmlEngine* engine) { amicus::app::configureEngine(*engine); }

private:
    QTemporaryDir dataDir_;
};

QUICK_TEST_MAIN_WITH_SETUP(amicus_qml, QmlTestSetup)

#include "qml_tests_main.moc"
