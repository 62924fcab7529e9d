// OutboxFileExport: what EnvelopeExport and ReceiptExport share — a file made from one outbox
// entry (a draft's), saved through the platform's DocumentExport, where the user is told it
// went, and offered to the OS share sheet. Loaded again when the session, the outbox or the
// catalog changes.
#pragma once

#include <QObject>
#include <QQmlParserStatus>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QIODevice;
namespace amicus::platform {
class DocumentExport;
}
namespace amicus::app {
class AppServices;
}

class OutboxFileExport : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ANONYMOUS
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(int draftId READ draftId WRITE setDraftId NOTIFY changed)
    // Where save() wrote the file as the user is told (a native path, or "Folder/name"), or
    // empty.
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY savedPathChanged)
    // True when the OS can hand the saved file to another app (phones' share sheet).
    Q_PROPERTY(bool canShare READ canShare CONSTANT)

public:
    ~OutboxFileExport() override;

    void classBegin() override;
    void componentComplete() override {}

    int draftId() const { return draftId_; }
    void setDraftId(int draftId);
    QString savedPath() const { return savedPath_; }
    bool canShare() const;

    // Offers the saved file to the OS share sheet (phones); false when nothing was offered.
    Q_INVOKABLE bool share();

signals:
    void changed();
    void savedPathChanged();

protected:
    // `mediaType`: what the file is, for DocumentExport and the share sheet.
    OutboxFileExport(QString mediaType, QObject* parent);

    // Takes the services (a test's, or those of the engine that made it, in classBegin) and
    // loads again whenever what it shows may have changed.
    void useServices(amicus::app::AppServices* services);
    // What a derived class takes from new services (useServices calls it).
    virtual void servicesChanged() {}
    // Reads the draft's outbox entry again (services and draftId as they are now).
    virtual void load() = 0;

    amicus::app::AppServices* services() const { return services_; }
    amicus::platform::DocumentExport* documentExport() const { return documentExport_; }

    // Writes `source` as `name` into `folder`, replacing a file of that name, and keeps where
    // it went for savedPath and share(); false, with nothing kept, when nothing was written.
    // The caller emits savedPathChanged once what it shows beside it is set too.
    bool saveDocument(const QUrl& folder, const QString& name, QIODevice& source);
    // Nothing saved (a save that could not start).
    void forgetSaved();

private:
    QString mediaType_;
    amicus::app::AppServices* services_ = nullptr;
    // Where exports go and the share sheet: the services' (the OS's, or a test's); none without.
    amicus::platform::DocumentExport* documentExport_ = nullptr;
    int draftId_ = -1;
    QString savedPath_;
    QUrl savedUrl_;
};
