// SendingStage: how far a draft is on its way to the secretariat, read from its list summary —
// what deleting it would cancel or erase, as the drafts screen's confirmation says it.
#pragma once

#include "store/store_records.h"

namespace amicus::sync {

enum class SendingStage {
    NotFinalized, // still being written: nothing was sent
    Waiting,      // in the outbox, not a byte on the endpoint yet
    PartlySent,   // part of it is on the endpoint, unfinished (never opened there)
    FullySent,    // every byte is on the endpoint, the receipt not back yet
    Delivered,    // the endpoint's signed receipt is kept on this device
};

[[nodiscard]] SendingStage sendingStageOf(const store::DraftSummary& draft);

// The draft can no longer be changed: finalized, or in the outbox already (a finalize stopped
// before marking the draft still sealed it).
[[nodiscard]] bool isSealed(const store::DraftSummary& draft);

} // namespace amicus::sync
