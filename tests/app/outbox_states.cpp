#include "outbox_states.h"

#include "app_context.h"
#include "store/vault_store.h"
#include "submission/draft_finalizer.h"

#include <QDir>

bool OutboxStates::set(int draftId, const QString& state, double uploadedBytes)
{
    auto* session = context_.session();
    const auto parsed = amicus::store::parseOutboxState(state.toStdString());
    if (!session || !parsed) {
        return false;
    }
    auto entry = session->store().outbox().entry(draftId);
    if (!entry) {
        return false;
    }
    entry->state = *parsed;
    entry->uploadOffset = static_cast<std::uint64_t>(uploadedBytes);
    if (uploadedBytes > 0) {
        // Nothing listens there: a termination the app may try fails quietly.
        entry->uploadUrl = "http://127.0.0.1:9/files/unfinished-upload";
    }
    return session->store().outbox().put(*entry).ok();
}

bool OutboxStates::remove(int draftId)
{
    auto* session = context_.session();
    return session && session->store().outbox().remove(draftId).ok();
}

QString OutboxStates::stateOf(int draftId) const
{
    auto* session = context_.session();
    if (!session) {
        return {};
    }
    auto entry = session->store().outbox().entry(draftId);
    return entry ? QString::fromLatin1(amicus::store::outboxStateName(entry->state)) : QString();
}

double OutboxStates::envelopeSize(int draftId) const
{
    auto* session = context_.session();
    if (!session) {
        return 0;
    }
    auto entry = session->store().outbox().entry(draftId);
    return entry && entry->envelopeSize ? static_cast<double>(*entry->envelopeSize) : 0.0;
}

int OutboxStates::envelopeCount() const
{
    const auto dir = amicus::store::DataLayout::outboxDir(context_.dataDir());
    return static_cast<int>(QDir(QString::fromStdString(dir.string()))
                                .entryList({QStringLiteral("*.age")}, QDir::Files)
                                .size());
}
