// amicusctl status: one tab-separated line per outbox entry: draft id, submission id, state,
// why it waits or what went wrong, bytes the server holds / envelope size, attempts, next try,
// and for a delivered one the receipt's time and upload id.
#include "commands.h"
#include "sync/receipt.h"
#include "sync/store_outbox_repository.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace amicus::amicusctl {

int runStatus(const Invocation& invocation)
{
    int exitCode = exitOk;
    auto session = openSessionWithoutArgs(invocation, exitCode);
    if (!session) {
        return exitCode;
    }
    sync::StoreOutboxRepository repository(session->store(),
                                           store::DataLayout::outboxDir(invocation.dataDir));
    auto records = repository.list();
    if (!records) {
        say("Io: " + records.error().detail);
        return exitIo;
    }
    for (const auto& record : *records) {
        std::cout << record.id << "\t" << record.submissionId << "\t"
                  << sync::outboxStateName(record.state) << "\t";
        if (record.state == sync::OutboxState::Waiting &&
            record.waitReason != sync::WaitReason::None) {
            std::cout << sync::waitReasonName(record.waitReason);
            if (record.lastError) {
                std::cout << ":" << sync::syncErrorName(*record.lastError);
            }
        } else if (record.lastError && record.state != sync::OutboxState::Delivered) {
            std::cout << sync::syncErrorName(*record.lastError);
        } else {
            std::cout << "-";
        }
        std::cout << "\t" << record.offset << "/" << record.envelopeSize << "\t" << record.attempts
                  << "\t" << (record.nextTryAtMs ? formatTime(*record.nextTryAtMs) : "-");
        if (record.receipt) {
            auto signedReceipt = sync::decodeReceiptDocument(*record.receipt);
            auto fields = signedReceipt
                              ? nlohmann::json::parse(signedReceipt->receiptJson, nullptr, false)
                              : nlohmann::json();
            if (fields.is_object()) {
                std::cout << "\treceived " << fields.value("received_at", "?") << " upload "
                          << fields.value("upload_id", "?");
            }
        }
        std::cout << "\n";
    }
    return exitOk;
}

} // namespace amicus::amicusctl
