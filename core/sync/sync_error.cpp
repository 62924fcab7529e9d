#include "sync/sync_error.h"

#include <array>
#include <utility>

namespace amicus::sync {
namespace {

constexpr std::array<std::pair<SyncErrorCode, std::string_view>, 19> kNames{{
    {SyncErrorCode::Offline, "offline"},
    {SyncErrorCode::NetworkDown, "network_down"},
    {SyncErrorCode::Timeout, "timeout"},
    {SyncErrorCode::Stalled, "stalled"},
    {SyncErrorCode::ServerError, "server_error"},
    {SyncErrorCode::TooLarge, "too_large"},
    {SyncErrorCode::Conflict, "conflict"},
    {SyncErrorCode::Gone, "gone"},
    {SyncErrorCode::Refused, "refused"},
    {SyncErrorCode::Duplicate, "duplicate"},
    {SyncErrorCode::TlsPinMismatch, "tls_pin_mismatch"},
    {SyncErrorCode::TlsFailure, "tls_failure"},
    {SyncErrorCode::CaptivePortal, "captive_portal"},
    {SyncErrorCode::UnexpectedAnswer, "unexpected_answer"},
    {SyncErrorCode::ReceiptInvalid, "receipt_invalid"},
    {SyncErrorCode::Cancelled, "cancelled"},
    {SyncErrorCode::LocalIo, "local_io"},
    {SyncErrorCode::CallWithdrawn, "call_withdrawn"},
    {SyncErrorCode::EndpointBusy, "endpoint_busy"},
}};

} // namespace

std::string_view syncErrorName(SyncErrorCode code)
{
    for (const auto& [value, name] : kNames) {
        if (value == code) {
            return name;
        }
    }
    return "unknown";
}

std::optional<SyncErrorCode> parseSyncErrorName(std::string_view name)
{
    for (const auto& [value, text] : kNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

bool isTransient(SyncErrorCode code)
{
    switch (code) {
    case SyncErrorCode::Offline:
    case SyncErrorCode::NetworkDown:
    case SyncErrorCode::Timeout:
    case SyncErrorCode::Stalled:
    case SyncErrorCode::ServerError:
    case SyncErrorCode::Conflict:
    case SyncErrorCode::Gone:
    case SyncErrorCode::CaptivePortal:
    case SyncErrorCode::UnexpectedAnswer:
    case SyncErrorCode::Cancelled:
    case SyncErrorCode::EndpointBusy:
        return true;
    case SyncErrorCode::TooLarge:
    case SyncErrorCode::Refused:
    case SyncErrorCode::Duplicate:
    case SyncErrorCode::TlsPinMismatch:
    case SyncErrorCode::TlsFailure:
    case SyncErrorCode::ReceiptInvalid:
    case SyncErrorCode::LocalIo:
    case SyncErrorCode::CallWithdrawn:
        return false;
    }
    return false;
}

} // namespace amicus::sync
