#include "call_details.h"

#include "app_context.h"
#include "app_services.h"
#include "calls/catalog.h"
#include "text_conversion.h"

#include <QDateTime>
#include <QVariantMap>

using amicus::app::catalogLanguage;
using amicus::app::toQString;

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

QString CallDetails::purpose() const
{
    return call_ ? toQString(call_->purpose.text(catalogLanguage(language_))) : QString();
}

QString CallDetails::background() const
{
    if (!call_ || !call_->background) {
        return {};
    }
    return toQString(call_->background->text(catalogLanguage(language_)));
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
    return amicus::app::longDate(call_->deadline->unixSeconds, language_);
}

bool CallDetails::open() const
{
    return call_ && call_->acceptsSubmissionsAt(QDateTime::currentSecsSinceEpoch());
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

int CallDetails::wordsPerAnswer() const
{
    return call_ ? static_cast<int>(call_->limits.wordsPerAnswer) : 0;
}
