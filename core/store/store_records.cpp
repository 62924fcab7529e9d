#include "store/store_records.h"

namespace amicus::store {

namespace {

constexpr std::pair<DraftField, const char*> kFieldNames[] = {
    {DraftField::Language, "language"},
    {DraftField::Organization, "organization"},
    {DraftField::OrganizationKind, "organization_kind"},
    {DraftField::Country, "country"},
    {DraftField::Contact, "contact"},
    {DraftField::Consent, "consent"},
};

} // namespace

std::string reducedFileName(std::string_view fileName, std::string_view mediaType)
{
    // A leading dot is part of the name, not an extension (".hidden" has no extension).
    const std::size_t dot = fileName.rfind('.');
    const std::string_view stem =
        (dot == std::string_view::npos || dot == 0) ? fileName : fileName.substr(0, dot);
    const char* extension = ".jpg";
    if (mediaType == "image/png") {
        extension = ".png";
    } else if (mediaType == "image/webp") {
        extension = ".webp";
    }
    return std::string(stem.empty() ? std::string_view("photo") : stem) + extension;
}

const char* consentName(Consent consent)
{
    switch (consent) {
    case Consent::Public:
        return "public";
    case Consent::Confidential:
        return "confidential";
    case Consent::Anonymous:
        return "anonymous";
    }
    return "confidential";
}

std::optional<Consent> parseConsent(std::string_view name)
{
    for (const Consent c : {Consent::Public, Consent::Confidential, Consent::Anonymous}) {
        if (name == consentName(c)) {
            return c;
        }
    }
    return std::nullopt;
}

const char* draftFieldName(DraftField field)
{
    for (const auto& [known, name] : kFieldNames) {
        if (known == field) {
            return name;
        }
    }
    return kFieldNames[0].second;
}

std::optional<DraftField> parseDraftField(std::string_view name)
{
    for (const auto& [field, known] : kFieldNames) {
        if (name == known) {
            return field;
        }
    }
    return std::nullopt;
}

const char* draftStatusName(DraftStatus status)
{
    return status == DraftStatus::Finalized ? "finalized" : "editing";
}

std::optional<DraftStatus> parseDraftStatus(std::string_view name)
{
    for (const DraftStatus s : {DraftStatus::Editing, DraftStatus::Finalized}) {
        if (name == draftStatusName(s)) {
            return s;
        }
    }
    return std::nullopt;
}

const char* outboxStateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return "queued";
    case OutboxState::Waiting:
        return "waiting";
    case OutboxState::Uploading:
        return "uploading";
    case OutboxState::Delivered:
        return "delivered";
    case OutboxState::NeedsAttention:
        return "needs_attention";
    }
    return "queued";
}

std::optional<OutboxState> parseOutboxState(std::string_view name)
{
    for (const OutboxState s : {OutboxState::Queued, OutboxState::Waiting, OutboxState::Uploading,
                                OutboxState::Delivered, OutboxState::NeedsAttention}) {
        if (name == outboxStateName(s)) {
            return s;
        }
    }
    return std::nullopt;
}

} // namespace amicus::store
