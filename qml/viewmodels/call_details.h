// CallDetails: one call for input as its page shows it, in the user's language: its texts,
// its state (open, late, closed, inputs published), its deadline, where it lives online
// (page, official documents), whom to write to, and the limits a submission must keep.
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
    Q_PROPERTY(QString summary READ summary NOTIFY contentChanged)
    Q_PROPERTY(QString purpose READ purpose NOTIFY contentChanged)
    Q_PROPERTY(QString background READ background NOTIFY contentChanged)
    Q_PROPERTY(QString questionsIntro READ questionsIntro NOTIFY contentChanged)
    Q_PROPERTY(QString useOfInputs READ useOfInputs NOTIFY contentChanged)
    // The deadline in the user's language and time zone ("12 May 2026, 23:59"), empty when
    // the call states none.
    Q_PROPERTY(QString deadline READ deadline NOTIFY contentChanged)
    // Calendar days from today to the deadline's day (0: today; negative: passed).
    Q_PROPERTY(int daysLeft READ daysLeft NOTIFY contentChanged)
    // True unless the call is closed: only a closed call stops sending.
    Q_PROPERTY(bool open READ open NOTIFY contentChanged)
    // Open but past its deadline: a submission still goes, and arrives late.
    Q_PROPERTY(bool late READ late NOTIFY contentChanged)
    Q_PROPERTY(bool inputsPublished READ inputsPublished NOTIFY contentChanged)
    // [{id, text}] in the catalog's order.
    Q_PROPERTY(QVariantList questions READ questions NOTIFY contentChanged)
    // True when some text of this call is not translated into `language` and shows English.
    Q_PROPERTY(bool showsFallbackText READ showsFallbackText NOTIFY contentChanged)
    // True when the catalog says the texts in `language` are our translation, not official.
    Q_PROPERTY(bool unofficialTranslation READ unofficialTranslation NOTIFY contentChanged)
    // The official text to turn to: the document in `language`, else in English, else the page.
    Q_PROPERTY(QString officialTextUrl READ officialTextUrl NOTIFY contentChanged)
    Q_PROPERTY(QString pageUrl READ pageUrl NOTIFY contentChanged)
    // [{language: "en", name: "English", format: "word"|"pdf"|"odt", url}] in the catalog's order.
    Q_PROPERTY(QVariantList documents READ documents NOTIFY contentChanged)
    // [{language, name, format}]: official documents the call's page offers (pageUrl) whose
    // own addresses the catalog does not give.
    Q_PROPERTY(QVariantList documentsOnPage READ documentsOnPage NOTIFY contentChanged)
    Q_PROPERTY(QString contactEmail READ contactEmail NOTIFY contentChanged)
    Q_PROPERTY(QString contactSubject READ contactSubject NOTIFY contentChanged)
    // mailto: with the subject line, or empty without a contact.
    Q_PROPERTY(QString contactUrl READ contactUrl NOTIFY contentChanged)
    Q_PROPERTY(int wordsPerAnswer READ wordsPerAnswer NOTIFY contentChanged)
    Q_PROPERTY(QString bytesPerAttachment READ bytesPerAttachment NOTIFY contentChanged)
    Q_PROPERTY(int attachmentsPerSubmission READ attachmentsPerSubmission NOTIFY contentChanged)
    // Whether the catalog set each limit ("limit set for this call") or it is Amicus's default.
    Q_PROPERTY(bool wordsLimitSet READ wordsLimitSet NOTIFY contentChanged)
    Q_PROPERTY(bool sizeLimitSet READ sizeLimitSet NOTIFY contentChanged)
    Q_PROPERTY(bool filesLimitSet READ filesLimitSet NOTIFY contentChanged)

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
    QString summary() const;
    QString purpose() const;
    QString background() const;
    QString questionsIntro() const;
    QString useOfInputs() const;
    QString deadline() const;
    int daysLeft() const;
    bool open() const;
    bool late() const;
    bool inputsPublished() const;
    QVariantList questions() const;
    bool showsFallbackText() const;
    bool unofficialTranslation() const;
    QString officialTextUrl() const;
    QString pageUrl() const;
    QVariantList documents() const;
    QVariantList documentsOnPage() const;
    QString contactEmail() const;
    QString contactSubject() const;
    QString contactUrl() const;
    int wordsPerAnswer() const;
    QString bytesPerAttachment() const;
    int attachmentsPerSubmission() const;
    bool wordsLimitSet() const;
    bool sizeLimitSet() const;
    bool filesLimitSet() const;

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
