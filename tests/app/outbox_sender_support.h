// OutboxSenderSupport: a test-only QML singleton (AmicusTest) for tst_outbox.qml — the app's
// real sender (SyncService) started and stopped by the test, a call withdrawn from the catalog,
// outbox entries read or driven into a state the sender records, and drafts read back.
#pragma once

#include "app_context.h"
#include "app_services.h"
#include "calls/catalog.h"
#include "store/vault_store.h"
#include "submission/draft_finalizer.h"
#include "sync_service.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <memory>

class OutboxSenderSupport : public QObject {
    Q_OBJECT

public:
    explicit OutboxSenderSupport(amicus::app::AppServices& services) : services_(services) {}

    // Starts the app's sender (SyncService) over the open session, as the app does at unlock,
    // sending to a loopback port where nothing listens (nothing leaves the machine). Start it
    // before creating the outbox screen: the list model takes the sender when it is made.
    Q_INVOKABLE void startSender()
    {
        sender_ = std::make_unique<amicus::app::SyncService>(services_.context());
        sender_->overrideEndpoint("http://127.0.0.1:9/files", {});
        sender_->followSession();
        services_.setSync(sender_.get());
    }
    Q_INVOKABLE void stopSender()
    {
        services_.setSync(nullptr);
        sender_.reset();
    }

    // Takes call `callId` out of the catalog the app holds (as a refresh withdrawing it would).
    Q_INVOKABLE void withdrawCall(const QString& callId)
    {
        auto& context = services_.context();
        if (!savedCatalog_) {
            savedCatalog_ = context.catalog();
        }
        auto changed = std::make_shared<amicus::calls::Catalog>(*context.catalog());
        std::erase_if(changed->calls, [&](const amicus::calls::Call& call) {
            return call.id == callId.toStdString();
        });
        context.setCatalog(changed);
    }
    // Marks call `callId` closed in the catalog the app holds (as a refresh closing it would).
    Q_INVOKABLE void closeCall(const QString& callId)
    {
        auto& context = services_.context();
        if (!savedCatalog_) {
            savedCatalog_ = context.catalog();
        }
        auto changed = std::make_shared<amicus::calls::Catalog>(*context.catalog());
        for (amicus::calls::Call& call : changed->calls) {
            if (call.id == callId.toStdString()) {
                call.status = amicus::calls::CallStatus::Closed;
            }
        }
        context.setCatalog(changed);
    }
    Q_INVOKABLE void restoreCatalog()
    {
        if (savedCatalog_) {
            services_.context().setCatalog(std::exchange(savedCatalog_, nullptr));
        }
    }

    // The outbox entry of `draftId` as the store holds it: {state, lastError, waitReason,
    // envelope (whether its file exists)}, or an empty map when there is none.
    Q_INVOKABLE QVariantMap outboxEntry(int draftId) const
    {
        auto* session = services_.context().session();
        if (!session) {
            return {};
        }
        auto entry = session->store().outbox().entry(draftId);
        if (!entry) {
            return {};
        }
        return {
            {QStringLiteral("state"),
             QString::fromUtf8(amicus::store::outboxStateName(entry->state))},
            {QStringLiteral("lastError"),
             QString::fromStdString(entry->lastErrorCode.value_or(""))},
            {QStringLiteral("waitReason"), QString::fromStdString(entry->waitReason.value_or(""))},
            {QStringLiteral("envelope"), QFileInfo::exists(envelopePath(*entry))},
        };
    }

    // Makes the envelope of `draftId`'s entry unreadable as sent (cut short), as a damaged
    // storage would.
    Q_INVOKABLE bool damageEnvelope(int draftId)
    {
        auto* session = services_.context().session();
        if (!session) {
            return false;
        }
        auto entry = session->store().outbox().entry(draftId);
        return entry && QFile::resize(envelopePath(*entry), 10);
    }

    // Writes, through the real store, what the sender records when the secretariat's server
    // answers with error `code` (e.g. "too_large"): the entry needs attention. For the answers
    // a loopback port cannot give; app.outbox_actions gets them from the real endpoint.
    Q_INVOKABLE bool markNeedsAttention(int draftId, const QString& code, qint64 uploadedBytes)
    {
        auto* session = services_.context().session();
        if (!session) {
            return false;
        }
        auto entry = session->store().outbox().entry(draftId);
        if (!entry) {
            return false;
        }
        entry->state = amicus::store::OutboxState::NeedsAttention;
        entry->lastErrorCode = code.toStdString();
        entry->lastErrorDetail = "set by the test";
        entry->uploadOffset = static_cast<std::uint64_t>(uploadedBytes);
        entry->waitReason.reset();
        entry->nextTryAt.reset();
        return session->store().outbox().put(*entry).ok();
    }

    // Writes, through the real store, what the sender records after a transient failure
    // `code` (e.g. "captive_portal"): the entry waits for its next try, an hour from now.
    Q_INVOKABLE bool markWaitingAfter(int draftId, const QString& code)
    {
        auto* session = services_.context().session();
        if (!session) {
            return false;
        }
        auto entry = session->store().outbox().entry(draftId);
        if (!entry) {
            return false;
        }
        entry->state = amicus::store::OutboxState::Waiting;
        entry->waitReason = "backoff";
        entry->attempts = 1;
        entry->nextTryAt = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        entry->lastErrorCode = code.toStdString();
        return session->store().outbox().put(*entry).ok();
    }

    // What the store holds of draft `draftId`: {status, submissionId, organization, answers,
    // attachments}, or an empty map.
    Q_INVOKABLE QVariantMap draft(int draftId) const
    {
        auto* session = services_.context().session();
        if (!session) {
            return {};
        }
        auto draft = session->store().drafts().get(draftId);
        if (!draft) {
            return {};
        }
        QVariantMap answers;
        for (const auto& [question, text] : draft->answers) {
            answers.insert(QString::fromStdString(question), QString::fromStdString(text));
        }
        return {
            {QStringLiteral("status"),
             QString::fromLatin1(amicus::store::draftStatusName(draft->status))},
            {QStringLiteral("submissionId"), QString::fromStdString(draft->submissionId)},
            {QStringLiteral("organization"),
             QString::fromStdString(draft->submitter.organization.value_or(""))},
            {QStringLiteral("answers"), answers},
            {QStringLiteral("attachments"), static_cast<int>(draft->attachments.size())},
        };
    }

private:
    QString envelopePath(const amicus::store::OutboxEntry& entry) const
    {
        const auto dir = amicus::store::DataLayout::outboxDir(services_.context().dataDir());
        return QString::fromStdString((dir / entry.envelopeName.value_or("")).string());
    }

    amicus::app::AppServices& services_;
    std::unique_ptr<amicus::app::SyncService> sender_;
    std::shared_ptr<const amicus::calls::Catalog> savedCatalog_;
};
