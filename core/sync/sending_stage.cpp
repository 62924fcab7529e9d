#include "sync/sending_stage.h"

namespace amicus::sync {

SendingStage sendingStageOf(const store::DraftSummary& draft)
{
    if (!draft.outboxState) {
        return SendingStage::NotFinalized;
    }
    if (*draft.outboxState == store::OutboxState::Delivered) {
        return SendingStage::Delivered;
    }
    if (draft.uploadedBytes == 0) {
        return SendingStage::Waiting;
    }
    return draft.envelopeSize > 0 && draft.uploadedBytes >= draft.envelopeSize
               ? SendingStage::FullySent
               : SendingStage::PartlySent;
}

bool isSealed(const store::DraftSummary& draft)
{
    return draft.status == store::DraftStatus::Finalized || draft.outboxState.has_value();
}

} // namespace amicus::sync
