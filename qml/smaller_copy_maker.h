// SmallerCopyMaker: a photo's smaller copy, made off the UI thread and saved beside the original.
// The original is decrypted into memory on the UI thread (where the vault identity lives); only
// its bytes go to a pool thread, which decodes, scales and encodes them (PhotoReducer) and wipes
// them; the copy is imported into the store back on the UI thread. When `mustFit` (the original
// is over the call's limit), a copy that cannot be made or does not fit removes the attachment:
// the original alone could not be sent. The editor owns one; what it no longer wants (another
// draft opened, the original chosen again) is dropped when it arrives.
#pragma once

#include "store/store_error.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <cstdint>
#include <optional>

namespace amicus::app {

class AppContext;

class SmallerCopyMaker : public QObject {
    Q_OBJECT

public:
    enum class Outcome {
        Saved,      // the copy is in the vault, to be sent instead of the original
        NotSaved,   // no longer wanted, locked meanwhile, or the attachment is gone
        Unreadable, // the photo could not be decoded (a mustFit attachment is removed)
        Failed,     // the store refused the copy: see the error code (mustFit: removed)
    };
    Q_ENUM(Outcome)

    explicit SmallerCopyMaker(AppContext& context, QObject* parent = nullptr);

    // Starts making the copy of attachment `attachmentId` of draft `draftId`, to fit within
    // `limit` bytes; finished() follows. The store's error when it cannot start (locked, no
    // such attachment, the original unreadable); nothing when started or already under way.
    std::optional<store::StoreError> start(std::int64_t draftId, std::int64_t attachmentId,
                                           bool mustFit, std::uint64_t limit);
    // Whether a copy of `attachmentId` is being made (wanted or not).
    [[nodiscard]] bool making(std::int64_t attachmentId) const
    {
        return making_.contains(attachmentId);
    }
    // Whether a copy of `attachmentId` is being made and still wanted.
    [[nodiscard]] bool makingWanted(std::int64_t attachmentId) const
    {
        return making(attachmentId) && !unwanted_.contains(attachmentId);
    }
    // Whether the copy under way is still wanted when it arrives (the user may change their mind).
    void setWanted(std::int64_t attachmentId, bool wanted);
    // None of the copies under way is wanted any more (another draft is opened).
    void dropAll() { unwanted_ = making_; }

signals:
    // `errorCode` is a store::StoreErrc, for Outcome::Failed.
    void finished(qint64 draftId, qint64 attachmentId, SmallerCopyMaker::Outcome outcome,
                  int errorCode);

private:
    void save(std::int64_t draftId, std::int64_t attachmentId, bool mustFit, std::uint64_t limit,
              QByteArray smaller);

    AppContext& context_;
    QSet<qint64> making_;   // attachments whose smaller copy is being made
    QSet<qint64> unwanted_; // ... and whose copy is no longer wanted when it arrives
};

} // namespace amicus::app
