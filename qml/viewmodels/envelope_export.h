// EnvelopeExport: a finalized submission's sealed envelope — the age file the endpoint would
// receive, readable only by the secretariat — saved as a file (and offered to the OS share
// sheet on phones), for the user to send by e-mail, a messenger or a USB stick when no endpoint
// can be reached. The secretariat opens it with `amicus-intake inbox --from-folder`, which
// unpacks a submission once whichever way it came (docs/secretariat.md).
#pragma once

#include "crypto/sha256.h"
#include "outbox_file_export.h"

#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <optional>

class EnvelopeExport : public OutboxFileExport {
    Q_OBJECT
    QML_ELEMENT

    // True when the draft is finalized and its envelope is in the outbox (not delivered yet,
    // or delivered: the file stays the same either way).
    Q_PROPERTY(bool available READ available NOTIFY changed)
    // Not sealed yet, and its call takes submissions: sending it ("Send when online") seals
    // it, and the envelope can then be saved from the outbox.
    Q_PROPERTY(bool canSeal READ canSeal NOTIFY changed)
    // The file's name: "<submission id>.age", the name the endpoint is given too.
    Q_PROPERTY(QString fileName READ fileName NOTIFY changed)
    // The folder it goes to (the platform's export folder until set), as a URL for dialogs
    // (file:// here, a content:// tree on Android; DocumentExport writes it), and as the user
    // knows it ("Documents" in the user's language).
    Q_PROPERTY(QUrl directoryUrl READ directoryUrl WRITE setDirectoryUrl NOTIFY directoryChanged)
    Q_PROPERTY(QString directoryName READ directoryName NOTIFY directoryChanged)
    // Why the last save failed, or None (changes with savedPath).
    Q_PROPERTY(Failure failure READ failure NOTIFY savedPathChanged)

public:
    enum class Failure { None, NotAvailable, Damaged, FolderUnwritable };
    Q_ENUM(Failure)

    // Made by QML: the services are its engine's (classBegin).
    explicit EnvelopeExport(QObject* parent = nullptr);
    // Made by C++ (tests).
    explicit EnvelopeExport(amicus::app::AppServices& services, QObject* parent = nullptr);
    ~EnvelopeExport() override;

    bool available() const { return !envelopeName_.isEmpty(); }
    bool canSeal() const { return canSeal_; }
    QString fileName() const;
    QUrl directoryUrl() const;
    void setDirectoryUrl(const QUrl& url);
    QString directoryName() const;
    Failure failure() const { return failure_; }

    // Copies the envelope into the folder as fileName(), checked against the size and SHA-256
    // recorded when it was sealed; false (failure says why) when it could not.
    Q_INVOKABLE bool save();

signals:
    void directoryChanged();

private:
    void servicesChanged() override;
    void load() override;

    QString submissionId_;
    QString envelopeName_; // in the outbox folder; empty when there is none
    quint64 envelopeSize_ = 0;
    bool canSeal_ = false;
    std::optional<amicus::crypto::Sha256Digest>
        envelopeSha256_; // absent for rows from before it was kept
    QUrl folder_;
    Failure failure_ = Failure::None;
};
