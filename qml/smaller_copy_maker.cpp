#include "smaller_copy_maker.h"

#include "app_context.h"
#include "photo_reducer.h"
#include "store/vault_store.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <istream>
#include <memory>
#include <streambuf>

namespace amicus::app {

namespace {

// Reads a byte array in place, so the smaller copy goes to the store without another copy.
class ByteArrayStreamBuf : public std::streambuf {
public:
    explicit ByteArrayStreamBuf(QByteArray& bytes)
    {
        char* data = bytes.data();
        setg(data, data, data + bytes.size());
    }
};

} // namespace

SmallerCopyMaker::SmallerCopyMaker(AppContext& context, QObject* parent)
    : QObject(parent), context_(context)
{
}

void SmallerCopyMaker::setWanted(std::int64_t attachmentId, bool wanted)
{
    if (wanted) {
        unwanted_.remove(attachmentId);
    } else if (making_.contains(attachmentId)) {
        unwanted_.insert(attachmentId);
    }
}

std::optional<store::StoreError> SmallerCopyMaker::start(std::int64_t draftId,
                                                         std::int64_t attachmentId, bool mustFit,
                                                         std::uint64_t limit)
{
    auto* session = context_.session();
    const auto* identity = session ? session->identity() : nullptr;
    if (!session || !identity) {
        return store::StoreError{store::StoreErrc::Locked, {}};
    }
    if (making_.contains(attachmentId)) {
        return std::nullopt;
    }
    auto info = session->store().attachments().get(attachmentId);
    if (!info) {
        return info.error();
    }
    // Decrypted into memory here, where the vault identity lives; only the bytes go to the
    // worker, which wipes them once decoded.
    auto original = PhotoReducer::readOriginal(session->store(), *info, *identity);
    if (!original) {
        return original.error();
    }
    auto photo = std::make_shared<QByteArray>(std::move(*original));
    auto promise = std::make_shared<QPromise<QByteArray>>();
    auto* watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, draftId, attachmentId, mustFit, limit] {
                QByteArray smaller;
                if (watcher->future().resultCount() > 0) {
                    smaller = watcher->future().takeResult();
                }
                watcher->deleteLater();
                save(draftId, attachmentId, mustFit, limit, std::move(smaller));
            });
    watcher->setFuture(promise->future());
    making_.insert(attachmentId);
    QThreadPool::globalInstance()->start([promise, photo] {
        promise->start();
        auto reduced = PhotoReducer::reduce(*photo);
        PhotoReducer::wipe(*photo);
        promise->addResult(reduced ? std::move(*reduced) : QByteArray());
        promise->finish();
    });
    return std::nullopt;
}

void SmallerCopyMaker::save(std::int64_t draftId, std::int64_t attachmentId, bool mustFit,
                            std::uint64_t limit, QByteArray smaller)
{
    making_.remove(attachmentId);
    const bool unwanted = unwanted_.remove(attachmentId);
    auto* session = context_.session();
    const auto report = [&](Outcome outcome, store::StoreErrc code = store::StoreErrc::Internal) {
        emit finished(draftId, attachmentId, outcome, static_cast<int>(code));
    };
    if (!session || unwanted) {
        // Locked, another draft opened, or the original chosen meanwhile: nothing to save.
        PhotoReducer::wipe(smaller);
        report(Outcome::NotSaved);
        return;
    }
    store::VaultStore& drafts = session->store();
    if (smaller.isEmpty()) {
        if (mustFit) {
            (void)drafts.attachments().remove(attachmentId);
        }
        report(Outcome::Unreadable);
        return;
    }
    ByteArrayStreamBuf buffer(smaller);
    std::istream input(&buffer);
    auto saved =
        drafts.attachments().addReducedCopy(attachmentId, input, PhotoReducer::mediaType, limit);
    PhotoReducer::wipe(smaller);
    if (!saved) {
        if (saved.error().code == store::StoreErrc::NotFound) {
            report(Outcome::NotSaved); // removed while its copy was being made
            return;
        }
        if (mustFit) {
            (void)drafts.attachments().remove(attachmentId);
        }
        report(Outcome::Failed, saved.error().code);
        return;
    }
    report(Outcome::Saved);
}

} // namespace amicus::app
