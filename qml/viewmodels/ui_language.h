// UiLanguage: the language of the whole UI (English, French, Spanish), switched at runtime
// and remembered between runs; starts in the system language when it is one of the three.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
class QQmlEngine;
class QJSEngine;

class UiLanguage : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)
    Q_PROPERTY(QVariantList available READ available CONSTANT)

public:
    // The codes the UI is translated into, in the order the selector shows them.
    static const QStringList& supportedCodes();
    // The code to start with: the remembered choice, else the system language, else English.
    static QString initialCode();
    // Makes initialCode() return this code for this run only (the --lang option), unremembered.
    static void overrideInitialCode(const QString& code);
    // The rule behind initialCode(): a supported remembered code, else the first supported
    // language among the system's preferences ("fr-CA", ...), else English.
    static QString chooseInitialCode(const QString& remembered, const QStringList& systemLanguages);

    // Installs the initial language's translation unless one is in place. Call before any QML
    // is loaded; constructing a UiLanguage does it too.
    static void installInitial();

    explicit UiLanguage(QQmlEngine* engine, QObject* parent = nullptr);

    static UiLanguage* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString code() const { return code_; }
    // Switches every translated text at once and remembers the choice. Unknown codes are ignored.
    void setCode(const QString& code);
    // Remembers the language shown as the user's choice, as setCode() does. Set-up calls it:
    // accepting the language it preselected (from the system, or --lang) is a choice too, and
    // the next start must not come up in another one when the system's changes.
    Q_INVOKABLE void remember();

    // [{code, name}] with each language named in itself, for the selector.
    QVariantList available() const;

    // `bytes` as phones show a size, in this language ("4.2 MB", "4,2 Mo").
    Q_INVOKABLE QString dataSize(double bytes) const;

signals:
    void codeChanged();

private:
    QQmlEngine* engine_;
    QString code_;
};
