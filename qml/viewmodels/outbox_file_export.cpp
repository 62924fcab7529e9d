#include "outbox_file_export.h"

#include "app_context.h"
#include "app_services.h"
#include "change_notifier.h"
#include "document_export.h"

using amicus::app::AppContext;
using amicus::app::AppServices;

OutboxFileExport::OutboxFileExport(QString mediaType, QObject* parent)
    : QObject(parent), mediaType_(std::move(mediaType))
{
}

OutboxFileExport::~OutboxFileExport() = default;

void OutboxFileExport::classBegin()
{
    if (!services_) {
        useServices(AppServices::of(this));
    }
}

void OutboxFileExport::useServices(AppServices* services)
{
    services_ = services;
    documentExport_ = services_ ? &services_->documentExport() : nullptr;
    servicesChanged();
    if (!services_) {
        return;
    }
    const auto reload = [this] {
        load();
        emit changed();
    };
    connect(&services_->context(), &AppContext::sessionChanged, this, reload);
    connect(&services_->changes(), &amicus::app::ChangeNotifier::outboxChanged, this, reload);
    connect(&services_->context(), &AppContext::catalogChanged, this, reload);
}

void OutboxFileExport::setDraftId(int draftId)
{
    if (draftId == draftId_) {
        return;
    }
    draftId_ = draftId;
    load();
    emit changed();
}

bool OutboxFileExport::canShare() const
{
    return documentExport_ && documentExport_->canShare();
}

bool OutboxFileExport::share()
{
    return !savedPath_.isEmpty() && documentExport_ &&
           documentExport_->share(savedUrl_, mediaType_);
}

bool OutboxFileExport::saveDocument(const QUrl& folder, const QString& name, QIODevice& source)
{
    forgetSaved();
    if (!documentExport_) {
        return false;
    }
    const auto saved = documentExport_->save(folder, name, mediaType_, source,
                                             amicus::platform::NameClash::Replace);
    if (!saved) {
        return false;
    }
    savedPath_ = saved->shownAs;
    savedUrl_ = saved->url;
    return true;
}

void OutboxFileExport::forgetSaved()
{
    savedPath_.clear();
    savedUrl_.clear();
}
