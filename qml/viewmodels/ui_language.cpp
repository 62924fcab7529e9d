#include "ui_language.h"

#include "data_size.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>
#include <QTranslator>
#include <QVariantMap>
#include <memory>

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");

QString& initialOverride()
{
    static QString code;
    return code;
}

// The translator is application-wide: it must be in place before the first qsTr() runs,
// which can be before QML creates the UiLanguage singleton.
struct InstalledTranslation {
    std::unique_ptr<QTranslator> translator;
    // Qt's own texts in the same language (the file picker's "Open", "Cancel"...), when the
    // platform ships them; English is Qt's source language.
    std::unique_ptr<QTranslator> qtTranslator;
    QString code;
};

std::unique_ptr<QTranslator> loadQtTranslation(const QString& code)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QLocale(code), QStringLiteral("qt"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        return nullptr;
    }
    return translator;
}

InstalledTranslation& installed()
{
    static InstalledTranslation translation;
    return translation;
}

bool installTranslation(const QString& code)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/amicus_%1.qm").arg(code))) {
        qWarning("UiLanguage: no translation for %s", qPrintable(code));
        return false;
    }
    InstalledTranslation& current = installed();
    if (current.translator) {
        QCoreApplication::removeTranslator(current.translator.get());
    }
    if (current.qtTranslator) {
        QCoreApplication::removeTranslator(current.qtTranslator.get());
    }
    auto qtTranslator = code == QStringLiteral("en") ? nullptr : loadQtTranslation(code);
    if (qtTranslator) {
        QCoreApplication::installTranslator(qtTranslator.get());
    }
    QCoreApplication::installTranslator(translator.get());
    current.translator = std::move(translator);
    current.qtTranslator = std::move(qtTranslator);
    current.code = code;
    QLocale::setDefault(QLocale(code));
    return true;
}

} // namespace

const QStringList& UiLanguage::supportedCodes()
{
    static const QStringList codes{QStringLiteral("en"), QStringLiteral("fr"),
                                   QStringLiteral("es")};
    return codes;
}

void UiLanguage::overrideInitialCode(const QString& code)
{
    initialOverride() = code;
}

QString UiLanguage::initialCode()
{
    if (supportedCodes().contains(initialOverride())) {
        return initialOverride();
    }
    return chooseInitialCode(QSettings().value(kSettingsKey).toString(),
                             QLocale::system().uiLanguages());
}

QString UiLanguage::chooseInitialCode(const QString& remembered, const QStringList& systemLanguages)
{
    if (supportedCodes().contains(remembered)) {
        return remembered;
    }
    for (const QString& preferred : systemLanguages) {
        const QString code = preferred.section(QLatin1Char('-'), 0, 0).toLower();
        if (supportedCodes().contains(code)) {
            return code;
        }
    }
    return QStringLiteral("en");
}

void UiLanguage::installInitial()
{
    if (installed().code.isEmpty()) {
        installTranslation(initialCode());
    }
}

UiLanguage::UiLanguage(QQmlEngine* engine, QObject* parent) : QObject(parent), engine_(engine)
{
    installInitial();
    code_ = installed().code;
}

UiLanguage* UiLanguage::create(QQmlEngine* qmlEngine, QJSEngine*)
{
    return new UiLanguage(qmlEngine);
}

void UiLanguage::setCode(const QString& code)
{
    if (code == code_ || !supportedCodes().contains(code)) {
        return;
    }
    if (!installTranslation(code)) {
        return;
    }
    code_ = code;
    QSettings().setValue(kSettingsKey, code);
    if (engine_) {
        engine_->retranslate();
    }
    emit codeChanged();
}

void UiLanguage::remember()
{
    QSettings().setValue(kSettingsKey, code_);
}

QVariantList UiLanguage::available() const
{
    // Each language is named in itself so a user lost in a foreign UI can find their own.
    static const QStringList names{QStringLiteral("English"), QStringLiteral("Français"),
                                   QStringLiteral("Español")};
    QVariantList list;
    for (qsizetype i = 0; i < supportedCodes().size(); ++i) {
        list.append(QVariantMap{{QStringLiteral("code"), supportedCodes().at(i)},
                                {QStringLiteral("name"), names.at(i)}});
    }
    return list;
}

QString UiLanguage::dataSize(double bytes) const
{
    return formatDataSize(bytes, QLocale(code_));
}
