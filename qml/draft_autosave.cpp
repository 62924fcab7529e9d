#include "draft_autosave.h"

#include "app_context.h"
#include "store/vault_session.h"
#include "store/vault_store.h"

#include <QGuiApplication>
#include <QMetaObject>
#include <vector>

namespace amicus::app {

DraftAutosave::DraftAutosave(AppContext& context, QObject* parent)
    : QObject(parent), context_(context)
{
    // The session's keys and files go away right after this: what waits is saved first.
    connect(&context_, &AppContext::aboutToCloseSession, this, &DraftAutosave::closeConnection);
    // A phone may end an app in the background without warning: nothing typed waits there.
    if (auto* gui = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        connect(gui, &QGuiApplication::applicationStateChanged, this,
                [this](Qt::ApplicationState state) {
                    if (state != Qt::ApplicationActive) {
                        flush();
                    }
                });
    }
}

DraftAutosave::~DraftAutosave()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join(); // saves what is waiting before it ends
    }
}

void DraftAutosave::saveAnswer(std::int64_t draftId, const QString& questionId, const QString& text)
{
    enqueue({draftId, kAnswer, questionId.toStdString()}, text.toStdString());
}

void DraftAutosave::saveField(std::int64_t draftId, store::DraftField field, const QString& value)
{
    enqueue({draftId, static_cast<int>(field), {}}, value.toStdString());
}

void DraftAutosave::enqueue(Key key, std::string text)
{
    auto* session = context_.session();
    if (!session) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        // Nothing of an earlier session waits here: closeConnection saved it before it closed.
        session_ = session;
        waiting_.insert_or_assign(std::move(key), std::move(text));
        if (!thread_.joinable()) {
            thread_ = std::thread([this] { run(); });
        }
    }
    wake_.notify_one();
}

void DraftAutosave::flush()
{
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return waiting_.empty() && !saving_; });
}

void DraftAutosave::closeConnection()
{
    std::unique_lock lock(mutex_);
    if (!thread_.joinable()) {
        return;
    }
    closeRequested_ = true;
    wake_.notify_one();
    idle_.wait(lock, [this] { return waiting_.empty() && !saving_ && !closeRequested_; });
    session_ = nullptr;
}

void DraftAutosave::run()
{
    // This thread's own connection. A unique_ptr, not an optional: GCC 12 warned that the
    // optional's destruction at the end may read an uninitialized member (-Wmaybe-uninitialized).
    std::unique_ptr<store::VaultStore> store;
    store::VaultSession* storeSession = nullptr;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || closeRequested_ || !waiting_.empty(); });
        if (!waiting_.empty()) {
            // Everything waiting is taken at once; what arrives meanwhile waits for the next turn.
            auto batch = std::move(waiting_);
            waiting_.clear();
            saving_ = true;
            auto* session = session_;
            lock.unlock();

            // Per draft: the last error, if any save of it failed.
            std::map<std::int64_t, std::optional<store::StoreErrc>> outcomes;
            if (storeSession != session) {
                store.reset();
                storeSession = session;
            }
            if (!store) {
                if (auto opened = session->openConnection()) {
                    store = std::make_unique<store::VaultStore>(std::move(*opened));
                } else {
                    for (const auto& [key, text] : batch) {
                        outcomes[std::get<0>(key)] = opened.error().code;
                    }
                }
            }
            if (store) {
                for (const auto& [key, text] : batch) {
                    const auto& [draftId, field, questionId] = key;
                    const auto result =
                        field != kAnswer ? store->drafts().saveField(
                                               draftId, static_cast<store::DraftField>(field), text)
                        : text.empty() ? store->drafts().removeAnswer(draftId, questionId)
                                       : store->drafts().saveAnswer(draftId, questionId, text);
                    auto& outcome = outcomes[draftId];
                    if (!result) {
                        outcome = result.error().code;
                    }
                }
            }
            for (const auto& [draftId, error] : outcomes) {
                QMetaObject::invokeMethod(this, [this, draftId = draftId, error = error] {
                    if (error) {
                        emit failed(draftId, static_cast<int>(*error));
                    } else {
                        emit saved(draftId);
                    }
                });
            }

            lock.lock();
            saving_ = false;
            idle_.notify_all();
            continue;
        }
        if (closeRequested_) {
            store.reset();
            storeSession = nullptr;
            closeRequested_ = false;
            idle_.notify_all();
            continue;
        }
        if (stopping_) {
            break;
        }
    }
    lock.unlock();
    store.reset();
}

} // namespace amicus::app
