// CallDetails: one call for input as its page shows it, in the user's language.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace amicus::app {
class AppServices;
}
namespace amicus::calls {
struct Call;
class Catalog;
} // namespace amicus::calls

class CallDetails : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    Q_PROPERTY(QString callId READ callId WRITE setCallId NOTIFY callIdChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // False when the catalog has no call with callId (e.g. withdrawn by a refresh).
    Q_PROPERTY(bool found READ found NOTIFY contentChanged)
    Q_PROPERTY(QString title READ title NOTIFY contentChanged)
    Q_PROPERTY(QString issuingBody READ issuingBody NOTIFY contentChanged)
    Q_PROPERTY(QString purpose READ purpose NOTIFY contentChanged)
    Q_PROPERTY(QString background READ background NOTIFY contentChanged)
    Q_PROPERTY(QString useOfInputs READ useOfInputs NOTIFY contentChanged)
    // The deadline in the user's language, empty when the call has none.
    Q_PROPERTY(QString deadline READ deadline NOTIFY contentChanged)
    Q_PROPERTY(bool open READ open NOTIFY contentChanged)
    // [{id, text}] in the catalog's order.
    Q_PROPERTY(QVariantList questions READ questions NOTIFY contentChanged)
    // True when some text of this call is not translated into `language` and shows English.
    Q_PROPERTY(bool showsFallbackText READ showsFallbackText NOTIFY contentChanged)
    Q_PROPERTY(int wordsPerAnswer READ wordsPerAnswer NOTIFY contentChanged)

public:
    // Made by QML: the services are its engine's (classBegin).
    explicit CallDetails(QObject* parent = nullptr);
    explicit CallDetails(amicus::app::AppServices& services, QObject* parent = nullptr);

    void classBegin() override;
    void componentComplete() override {}

    QString callId() const { return callId_; }
    void setCallId(const QString& callId);
    QString language() const { return language_; }
    void setLanguage(const QString& language);

    bool found() const { return call_ != nullptr; }
    QString title() const;
    QString issuingBody() const;
    QString purpose() const;
    QString background() const;
    QString useOfInputs() const;
    QString deadline() const;
    bool open() const;
    QVariantList questions() const;
    bool showsFallbackText() const;
    int wordsPerAnswer() const;

signals:
    void callIdChanged();
    void languageChanged();
    void contentChanged();

private:
    void useServices(amicus::app::AppServices* services);

    amicus::app::AppServices* services_ = nullptr;
    QString callId_;
    QString language_ = QStringLiteral("en");
    void lookUp();

    std::shared_ptr<const amicus::calls::Catalog> catalog_; // keeps call_ alive
    const amicus::calls::Call* call_ = nullptr;
};
