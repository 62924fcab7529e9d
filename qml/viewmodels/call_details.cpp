#include "call_details.h"

#include "app_context.h"
#include "app_services.h"
#include "calls/catalog.h"
#include "data_size.h"
#include "text_conversion.h"
#include "user_dates.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>
#include <QUrlQuery>
#include <QVariantMap>
#include <vector>

using amicus::app::catalogLanguage;
using amicus::app::toQString;

namespace {

// A language's name in that language: what a reader looks for in a list of documents.
QString languageName(amicus::calls::Language language)
{
    switch (language) {
    case amicus::calls::Language::Fr:
        return QStringLiteral("Français");
    case amicus::calls::Language::Es:
        return QStringLiteral("Español");
    case amicus::calls::Language::En:
        break;
    }
    return QStringLiteral("English");
}

QString formatName(amicus::calls::DocumentFormat format)
{
    switch (format) {
    case amicus::calls::DocumentFormat::Pdf:
        return QStringLiteral("pdf");
    case amicus::calls::DocumentFormat::Odt:
        return QStringLiteral("odt");
    case amicus::calls::DocumentFormat::Word:
        break;
    }
    return QStringLiteral("word");
}

// {language, name, format, url}; url is empty for a document offered on the call's page.
QVariantList documentList(const std::vector<amicus::calls::CallDocument>& documents)
{
    QVariantList list;
    for (const auto& document : documents) {
        list.append(QVariantMap{
            {QStringLiteral("language"), toQString(amicus::calls::languageCode(document.language))},
            {QStringLiteral("name"), languageName(document.language)},
            {QStringLiteral("format"), formatName(document.format)},
            {QStringLiteral("url"), toQString(document.url)}});
    }
    return list;
}

QString optionalText(const std::optional<amicus::calls::LocalizedText>& text,
                     const QString& language)
{
    return text ? toQString(text->text(catalogLanguage(language))) : QString();
}

} // namespace

CallDetails::CallDetails(QObject* parent) : QObject(parent)
{
}

CallDetails::CallDetails(amicus::app::AppServices& services, QObject* parent) : QObject(parent)
{
    useServices(&services);
}

void CallDetails::classBegin()
{
    if (!services_) {
        useServices(amicus::app::AppServices::of(this));
    }
}

void CallDetails::useServices(amicus::app::AppServices* services)
{
    services_ = services;
    if (!services_) {
        return;
    }
    connect(&services_->context(), &amicus::app::AppContext::catalogChanged, this, [this] {
        lookUp();
        emit contentChanged();
    });
}

void CallDetails::lookUp()
{
    catalog_ = services_ ? services_->context().catalog() : nullptr;
    const auto found = catalog_ ? catalog_->call(callId_.toStdString())
                                : amicus::fail(amicus::calls::LookupError::NoSuchCall);
    call_ = found ? *found : nullptr;
}

void CallDetails::setCallId(const QString& callId)
{
    if (callId == callId_) {
        return;
    }
    callId_ = callId;
    lookUp();
    emit callIdChanged();
    emit contentChanged();
}

void CallDetails::setLanguage(const QString& language)
{
    if (language == language_) {
        return;
    }
    language_ = language;
    emit languageChanged();
    emit contentChanged();
}

QString CallDetails::title() const
{
    return call_ ? toQString(call_->title.text(catalogLanguage(language_))) : QString();
}

QString CallDetails::issuingBody() const
{
    return call_ ? toQString(call_->issuingBody.text(catalogLanguage(language_))) : QString();
}

QString CallDetails::summary() const
{
    return call_ ? optionalText(call_->summary, language_) : QString();
}

QString CallDetails::purpose() const
{
    return call_ ? toQString(call_->purpose.text(catalogLanguage(language_))) : QString();
}

QString CallDetails::background() const
{
    return call_ ? optionalText(call_->background, language_) : QString();
}

QString CallDetails::questionsIntro() const
{
    return call_ ? optionalText(call_->questionsIntro, language_) : QString();
}

QString CallDetails::useOfInputs() const
{
    return call_ ? toQString(call_->useOfInputs.text(catalogLanguage(language_))) : QString();
}

QString CallDetails::deadline() const
{
    if (!call_ || !call_->deadline) {
        return {};
    }
    return amicus::app::userDateTimeFromSeconds(call_->deadline->unixSeconds, language_);
}

int CallDetails::daysLeft() const
{
    if (!call_ || !call_->deadline) {
        return 0;
    }
    return amicus::app::calendarDaysUntil(
        QDateTime::fromSecsSinceEpoch(call_->deadline->unixSeconds), QDateTime::currentDateTime());
}

bool CallDetails::open() const
{
    return call_ && call_->acceptsSubmissionsAt(QDateTime::currentSecsSinceEpoch());
}

bool CallDetails::late() const
{
    return open() && call_->deadlinePassedAt(QDateTime::currentSecsSinceEpoch());
}

bool CallDetails::inputsPublished() const
{
    return call_ && call_->inputsPublished;
}

QVariantList CallDetails::questions() const
{
    QVariantList list;
    if (!call_) {
        return list;
    }
    const auto language = catalogLanguage(language_);
    for (const auto& question : call_->questions) {
        list.append(QVariantMap{{QStringLiteral("id"), toQString(question.id)},
                                {QStringLiteral("text"), toQString(question.textIn(language))}});
    }
    return list;
}

bool CallDetails::showsFallbackText() const
{
    if (!call_) {
        return false;
    }
    const auto language = catalogLanguage(language_);
    bool fallback = call_->title.isFallback(language) || call_->purpose.isFallback(language) ||
                    call_->issuingBody.isFallback(language) ||
                    call_->useOfInputs.isFallback(language);
    for (const auto& question : call_->questions) {
        fallback = fallback || question.text.isFallback(language);
    }
    return fallback;
}

bool CallDetails::unofficialTranslation() const
{
    return call_ && call_->isUnofficialTranslation(catalogLanguage(language_));
}

QString CallDetails::officialTextUrl() const
{
    if (!call_) {
        return {};
    }
    if (const auto* document = call_->document(catalogLanguage(language_))) {
        return toQString(document->url);
    }
    if (const auto* english = call_->document(amicus::calls::Language::En)) {
        return toQString(english->url);
    }
    return pageUrl();
}

QString CallDetails::pageUrl() const
{
    return call_ ? optionalText(call_->page, language_) : QString();
}

QVariantList CallDetails::documents() const
{
    return call_ ? documentList(call_->documents) : QVariantList();
}

QVariantList CallDetails::documentsOnPage() const
{
    return call_ ? documentList(call_->documentsOnPage) : QVariantList();
}

QString CallDetails::contactEmail() const
{
    return call_ && call_->contact ? toQString(call_->contact->email) : QString();
}

QString CallDetails::contactSubject() const
{
    return call_ && call_->contact ? toQString(call_->contact->subject) : QString();
}

QString CallDetails::contactUrl() const
{
    if (!call_ || !call_->contact) {
        return {};
    }
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(toQString(call_->contact->email));
    if (!call_->contact->subject.empty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("subject"), toQString(call_->contact->subject));
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

int CallDetails::wordsPerAnswer() const
{
    return call_ ? static_cast<int>(call_->limits.wordsPerAnswer) : 0;
}

QString CallDetails::bytesPerAttachment() const
{
    if (!call_) {
        return {};
    }
    return formatDataSize(static_cast<double>(call_->limits.bytesPerAttachment),
                          QLocale(language_));
}

int CallDetails::attachmentsPerSubmission() const
{
    return call_ ? static_cast<int>(call_->limits.attachmentsPerSubmission) : 0;
}

bool CallDetails::wordsLimitSet() const
{
    return call_ && call_->limits.wordsPerAnswerSet;
}

bool CallDetails::sizeLimitSet() const
{
    return call_ && call_->limits.bytesPerAttachmentSet;
}

bool CallDetails::filesLimitSet() const
{
    return call_ && call_->limits.attachmentsPerSubmissionSet;
}
