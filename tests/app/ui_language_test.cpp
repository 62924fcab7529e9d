// UiLanguage: the starting language, switching, and remembering the choice.
#include "own_settings_folder.h"
#include "viewmodels/ui_language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

class UiLanguageTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AmicusTest"));
        QCoreApplication::setApplicationName(QStringLiteral("UiLanguageTest"));
    }
    void init() { QSettings().clear(); }

    // What the tests below remember stays in this process (own_settings_folder.h), after
    // QStandardPaths' test mode is on as above.
    void theSettingsAreThisProcesssOwn()
    {
        const QString folder = amicus::testing::ownSettingsFolder();
        QVERIFY(!folder.isEmpty() && QFileInfo(folder).isDir());
        QVERIFY2(QSettings().fileName().startsWith(folder + QLatin1Char('/')),
                 qPrintable(QSettings().fileName()));
        QVERIFY(!QSettings().fileName().contains(QStringLiteral(".qttest")));
    }

    void startsInTheFirstSupportedSystemLanguage_data()
    {
        QTest::addColumn<QStringList>("systemLanguages");
        QTest::addColumn<QString>("expected");
        QTest::newRow("French system") << QStringList{"fr-CA", "en-US"} << "fr";
        QTest::newRow("Spanish system") << QStringList{"es-419"} << "es";
        QTest::newRow("German then Spanish") << QStringList{"de-DE", "es-ES"} << "es";
        QTest::newRow("unsupported only") << QStringList{"ar-EG", "zh-CN"} << "en";
        QTest::newRow("nothing known") << QStringList{} << "en";
    }
    void startsInTheFirstSupportedSystemLanguage()
    {
        QFETCH(QStringList, systemLanguages);
        QFETCH(QString, expected);
        QCOMPARE(UiLanguage::chooseInitialCode(QString(), systemLanguages), expected);
    }

    void aRememberedChoiceWinsOverTheSystem()
    {
        QCOMPARE(UiLanguage::chooseInitialCode(QStringLiteral("es"), {QStringLiteral("fr-FR")}),
                 QStringLiteral("es"));
        // A remembered value that is not supported (an old or edited file) is ignored.
        QCOMPARE(UiLanguage::chooseInitialCode(QStringLiteral("xx"), {QStringLiteral("fr-FR")}),
                 QStringLiteral("fr"));
    }

    void switchingIsRememberedForTheNextRun()
    {
        UiLanguage language(nullptr);
        language.setCode(QStringLiteral("fr"));
        QCOMPARE(language.code(), QStringLiteral("fr"));
        // The next run starts from what is stored.
        QCOMPARE(UiLanguage::initialCode(), QStringLiteral("fr"));
        language.setCode(QStringLiteral("es"));
        QCOMPARE(UiLanguage::initialCode(), QStringLiteral("es"));
    }

    void rememberingKeepsTheLanguageShownWithoutASwitch()
    {
        // Set-up shows a language preselected from the system; accepting it is remembered
        // even though setCode() never ran for it.
        UiLanguage language(nullptr);
        language.setCode(QStringLiteral("es"));
        QSettings().clear();
        QVERIFY(QSettings().value(QStringLiteral("ui/language")).toString().isEmpty());
        language.remember();
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("es"));
        QCOMPARE(UiLanguage::initialCode(), QStringLiteral("es"));
    }

    void switchingTranslatesAtOnce()
    {
        UiLanguage language(nullptr);
        language.setCode(QStringLiteral("en"));
        QSignalSpy changed(&language, &UiLanguage::codeChanged);
        language.setCode(QStringLiteral("es"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(QCoreApplication::translate("LanguageSelector", "Language: %1"),
                 QStringLiteral("Idioma: %1"));
        language.setCode(QStringLiteral("fr"));
        QCOMPARE(QCoreApplication::translate("LanguageSelector", "Language: %1"),
                 QStringLiteral("Langue\u00a0: %1")); // French: no break before the colon
        language.setCode(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("LanguageSelector", "Language: %1"),
                 QStringLiteral("Language: %1"));
    }

    // Qt's own texts (the file picker's buttons) follow the UI language too.
    void qtsOwnTextsFollowTheLanguage()
    {
        UiLanguage language(nullptr);
        language.setCode(QStringLiteral("fr"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Annuler"));
        language.setCode(QStringLiteral("es"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Cancelar"));
        language.setCode(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void unknownCodesAreIgnored()
    {
        UiLanguage language(nullptr);
        language.setCode(QStringLiteral("es"));
        QSignalSpy changed(&language, &UiLanguage::codeChanged);
        language.setCode(QStringLiteral("de"));
        QCOMPARE(language.code(), QStringLiteral("es"));
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_MAIN(UiLanguageTest)
#include "ui_language_test.moc"
