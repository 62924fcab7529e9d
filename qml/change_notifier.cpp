#include "change_notifier.h"

namespace amicus::app {

void ChangeNotifier::changed(const store::StoreChange& change)
{
    switch (change.kind) {
    case store::ChangeKind::DraftChanged:
        emit draftChanged(change.draftId);
        return;
    case store::ChangeKind::DraftDeleted:
        emit draftDeleted(change.draftId);
        emit outboxChanged(); // its entry, if it had one, went with it
        return;
    case store::ChangeKind::OutboxChanged:
        emit outboxEntryChanged(change.draftId);
        emit outboxChanged();
        return;
    }
}

} // namespace amicus::app
