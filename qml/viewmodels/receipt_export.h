// ReceiptExport: a delivered submission's receipt opened whole (submission id, received at,
// size, SHA-256, whether its signature checks with the call's key) and saved as a file the
// secretariat — or anyone with the endpoint's public key — can verify
// (`amicus-intake receipt verify`, docs/receipts.md): the NGO's proof that it submitted in time.
#pragma once

#include <QObject>
#include <QQmlParserStatus>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <string>

namespace amicus::platform {
class DocumentExport;
}
namespace amicus::app {
class AppServices;
}

class ReceiptExport : public QObject, public QQmlParserStatus {
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)

    Q_PROPERTY(int draftId READ draftId WRITE setDraftId NOTIFY changed)
    // False when the entry has no receipt (not delivered, or the vault is locked).
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString submissionId READ submissionId NOTIFY changed)
    // In the user's language and time zone ("29 Nov 2026, 04:46").
    Q_PROPERTY(QString receivedAt READ receivedAt NOTIFY changed)
    Q_PROPERTY(QString size READ size NOTIFY changed)
    Q_PROPERTY(QString sha256 READ sha256 NOTIFY changed)
    // True when the signature checks with the receipt key the catalog gives for the call now.
    Q_PROPERTY(bool signatureChecked READ signatureChecked NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    // Where save() wrote the file, or empty.
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY savedPathChanged)
    Q_PROPERTY(bool canShare READ canShare CONSTANT)

public:
    // Made by QML: the services are its engine's (classBegin).
    explicit ReceiptExport(QObject* parent = nullptr);
    // Made by C++ (tests).
    explicit ReceiptExport(amicus::app::AppServices& services, QObject* parent = nullptr);
    ~ReceiptExport() override;

    void classBegin() override;
    void componentComplete() override {}

    int draftId() const { return draftId_; }
    void setDraftId(int draftId);
    QString language() const { return language_; }
    void setLanguage(const QString& language);
    bool found() const { return !document_.empty(); }
    QString submissionId() const { return submissionId_; }
    QString receivedAt() const;
    QString size() const;
    QString sha256() const { return sha256_; }
    bool signatureChecked() const { return signatureChecked_; }
    QString savedPath() const { return savedPath_; }
    bool canShare() const;

    // Writes the receipt, exactly as the endpoint signed it, to the export folder as
    // amicus-receipt-<submission id>.json. False when it could not be written.
    Q_INVOKABLE bool save();
    // Offers the saved file to the OS share sheet (phones).
    Q_INVOKABLE bool share();

signals:
    void changed();
    void savedPathChanged();

private:
    void useServices(amicus::app::AppServices* services);
    void load();

    amicus::app::AppServices* services_ = nullptr;

    int draftId_ = -1;
    QString language_ = QStringLiteral("en");
    std::string document_; // {"receipt": "...", "signature": "..."} as stored
    QString submissionId_;
    QString receivedAtText_; // RFC 3339, as the endpoint wrote it
    quint64 size_ = 0;
    QString sha256_;
    bool signatureChecked_ = false;
    QString savedPath_;
    QUrl savedUrl_;
    // The OS's export folder and share sheet, the services' (null without services).
    amicus::platform::DocumentExport* documentExport_ = nullptr;
};
