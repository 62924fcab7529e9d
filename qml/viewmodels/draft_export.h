// DraftExport: a draft written out as a readable ODT or PDF document (the same layout the
// secretariat reads) for sending by e-mail when no endpoint can be reached. The file is NOT
// encrypted: the UI must have the user confirm that before asking for it.
#pragma once

#include "problem.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QUrl>
#include <QtQml/qqmlparserstatus.h>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace amicus::app {
class AppServices;
}
namespace amicus::platform {
class DocumentExport;
}
namespace amicus::package {
struct ReadableLayout;
}

class DraftExport : public QObject, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT

    Q_PROPERTY(int draftId READ draftId WRITE setDraftId NOTIFY draftIdChanged)
    // The folder the document goes to: the platform's export folder until the user picks one
    // (a native path for a local folder, else the URL the OS's picker gave).
    Q_PROPERTY(QString directory READ directory NOTIFY directoryChanged)
    // The same folder as the user knows it: "Documents" (in the user's language, as the OS
    // names it) for the usual place, else the folder's own name.
    Q_PROPERTY(QString directoryName READ directoryName NOTIFY directoryChanged)
    // The same folder as a URL, for folder dialogs (which read and write URLs): file:// on the
    // desktop, a content:// tree on Android. Handed to DocumentExport as it is.
    Q_PROPERTY(QUrl directoryUrl READ directoryUrl WRITE setDirectoryUrl NOTIFY directoryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the last export failed (Problem.None after a good one).
    Q_PROPERTY(Problem::Code problem READ problem NOTIFY problemChanged)
    // Where the last export went, as the user is told (a native path, or "Folder/name.pdf"
    // in a folder the OS's picker granted), empty before one succeeded.
    Q_PROPERTY(QString exportedPath READ exportedPath NOTIFY exportedPathChanged)
    // True when the OS can hand the exported file to another app (phones' share sheet).
    Q_PROPERTY(bool canShare READ canShare CONSTANT)

public:
    enum class Format { Odt, Pdf };
    Q_ENUM(Format)

    // Made by QML: the services are its engine's (classBegin).
    explicit DraftExport(QObject* parent = nullptr);
    explicit DraftExport(amicus::app::AppServices& services, QObject* parent = nullptr);
    ~DraftExport() override;

    void classBegin() override;
    void componentComplete() override {}

    int draftId() const { return draftId_; }
    void setDraftId(int draftId);
    QString directory() const;
    QString directoryName() const;
    QUrl directoryUrl() const;
    void setDirectoryUrl(const QUrl& url);
    bool busy() const { return busy_; }
    Problem::Code problem() const { return problem_; }
    QString exportedPath() const { return exportedPath_; }
    bool canShare() const;

    // Writes the draft as `format` into the folder through the platform's DocumentExport under a
    // new name, off the UI thread;
    // `exported` or `problem` follows. Does nothing and returns false unless
    // `unencryptedConfirmed` says the user agreed to an unencrypted copy, or while busy, or
    // without an open draft (then `problem` says why).
    Q_INVOKABLE bool exportDraft(DraftExport::Format format, bool unencryptedConfirmed);
    // Hands the last exported file to the OS share sheet; false when there is none.
    Q_INVOKABLE bool share();

signals:
    void draftIdChanged();
    void directoryChanged();
    void busyChanged();
    void problemChanged();
    void exportedPathChanged();
    // The document is complete at `path` (absolute, native separators).
    void exported(const QString& path);

private:
    void setBusy(bool busy);
    void setProblem(Problem::Code problem);

    amicus::app::AppServices* services_ = nullptr;
    void useServices(amicus::app::AppServices* services);

    // The OS's export folder and share sheet, the services' (null without services).
    amicus::platform::DocumentExport* documentExport_ = nullptr;
    int draftId_ = -1;
    QUrl folder_;
    bool busy_ = false;
    Problem::Code problem_ = Problem::None;
    QString exportedPath_;
    QUrl exportedUrl_;
    QString exportedMediaType_;
    QThreadPool worker_;
};
