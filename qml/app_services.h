// AppServices: what the view models use — the context (data directory, open session, catalog),
// the sender, the change notifier (the open session's connections announce to it) and the OS
// services they reach the OS through (platform/) — built once by AppInstance (or a test) and
// handed to the QML engine it loads, never looked up globally. A view model QML creates takes
// the services of its engine when QML begins making it (QQmlParserStatus::classBegin), before
// any property is set; one made in C++ is given them in its constructor.
#pragma once

#include "change_notifier.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QQmlEngine;

namespace amicus::platform {
class DocumentExport;
class SharedFiles;
} // namespace amicus::platform

namespace amicus::app {

class AppContext;
class DraftAutosave;
class SubmissionFinalizer;
class SyncService;

class AppServices : public QObject {
    Q_OBJECT

public:
    // `sync` may be null (nothing sends: screenshots without a sender, view-model tests).
    explicit AppServices(AppContext& context, SyncService* sync = nullptr,
                         QObject* parent = nullptr);
    ~AppServices() override;

    [[nodiscard]] AppContext& context() const { return context_; }
    [[nodiscard]] SyncService* sync() const;
    [[nodiscard]] ChangeNotifier& changes() { return changes_; }
    // Finalizing a draft into the outbox, off the UI thread.
    [[nodiscard]] SubmissionFinalizer& finalizer() { return *finalizer_; }
    // Drafts' text saved as the user types, off the UI thread; flush() before reading a draft.
    [[nodiscard]] DraftAutosave& autosave() { return *autosave_; }
    // Another sender, or none (tests start and stop one); view models made afterwards use it.
    void setSync(SyncService* sync);

    // The OS services, made for this OS (platform_services.h) unless a test set others. View
    // models read them when they are made: set them first. nullptr puts this OS's back.
    // Opening a file the user picked or shared into the app (attachments).
    [[nodiscard]] platform::SharedFiles& sharedFiles() const { return *sharedFiles_; }
    void setSharedFiles(std::unique_ptr<platform::SharedFiles> sharedFiles);
    // Where exports and receipts go, and the OS's share sheet for them.
    [[nodiscard]] platform::DocumentExport& documentExport() const { return *documentExport_; }
    void setDocumentExport(std::unique_ptr<platform::DocumentExport> documentExport);

    // Hands these services to the view models and singletons `engine` makes.
    void provideTo(QQmlEngine& engine);
    // The services handed to `engine` (nullptr when none were).
    [[nodiscard]] static AppServices* of(const QQmlEngine* engine);
    // The services of the engine that is making `object` (a view model created in QML).
    [[nodiscard]] static AppServices* of(const QObject* object);

private:
    void listenToSession();

    AppContext& context_;
    QPointer<SyncService> sync_; // null again once the sender is gone
    ChangeNotifier changes_;
    std::unique_ptr<DraftAutosave> autosave_;
    std::unique_ptr<SubmissionFinalizer> finalizer_;
    std::unique_ptr<platform::SharedFiles> sharedFiles_;
    std::unique_ptr<platform::DocumentExport> documentExport_;
};

} // namespace amicus::app
