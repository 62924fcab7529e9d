// DraftAutosave: what the user types in a draft, saved off the UI thread. A keystroke only
// records the field's newest text and wakes the saver's own thread, which saves it through a
// store connection of its own: one durable transaction per field (synchronous=FULL), as before,
// then reports back on the UI thread. Text that arrives while a save is in flight replaces what
// was waiting for the same field, so the saver is never more than one save behind the user:
// a field's text is on disk at most two saves after it was typed (the one in flight, then its
// own), which is what a kill -9 can lose (docs/architecture.md, "Autosave").
//
// Whatever reads a draft to show, seal or export it calls flush() first; locking (before the
// session closes), the app leaving the foreground, closing the editor and quitting flush too.
#pragma once

#include "store/store_records.h"

#include <QObject>
#include <QString>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>

namespace amicus::store {
class VaultSession;
class VaultStore;
} // namespace amicus::store

namespace amicus::app {

class AppContext;

class DraftAutosave : public QObject {
    Q_OBJECT

public:
    explicit DraftAutosave(AppContext& context, QObject* parent = nullptr);
    // Saves what is waiting, then stops the thread.
    ~DraftAutosave() override;
    DraftAutosave(const DraftAutosave&) = delete;
    DraftAutosave& operator=(const DraftAutosave&) = delete;

    // Queues the answer to `questionId` (an empty text removes it) / a submitter field, in the
    // open session. Nothing is queued while locked (the caller reports that).
    void saveAnswer(std::int64_t draftId, const QString& questionId, const QString& text);
    void saveField(std::int64_t draftId, store::DraftField field, const QString& value);

    // Returns once everything queued before the call is saved or has failed (failures are
    // reported through failed(), as any other).
    void flush();

signals:
    // Every field of `draftId` queued so far is on disk (emitted on the UI thread).
    void saved(qint64 draftId);
    // A save of `draftId` failed; `errorCode` is a store::StoreErrc. Later text is still saved.
    void failed(qint64 draftId, int errorCode);

private:
    // Which text: an answer (field unset, questionId) or a submitter field.
    using Key = std::tuple<std::int64_t, int, std::string>;
    static constexpr int kAnswer = -1;

    void enqueue(Key key, std::string text);
    void run();
    // Flushes, then closes the thread's connection (the session is about to close).
    void closeConnection();

    AppContext& context_;
    std::mutex mutex_;
    std::condition_variable wake_;           // the thread: work, a close, or the end
    std::condition_variable idle_;           // flush(): the queue and the thread are idle
    std::map<Key, std::string> waiting_;     // the newest text of each field not yet being saved
    store::VaultSession* session_ = nullptr; // whose store the waiting text goes to
    bool saving_ = false;
    bool closeRequested_ = false;
    bool stopping_ = false;
    std::thread thread_; // started on first use
};

} // namespace amicus::app
