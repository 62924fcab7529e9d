// ReceiptExport: a delivered submission's receipt opened whole (submission id, received at,
// size, SHA-256, whether its signature checks with the call's key) and saved as a file the
// secretariat — or anyone with the endpoint's public key — can verify
// (`amicus-intake receipt verify`, docs/receipts.md): the NGO's proof that it submitted in time.
#pragma once

#include "outbox_file_export.h"

#include <QString>
#include <QtQml/qqmlregistration.h>
#include <string>

class ReceiptExport : public OutboxFileExport {
    Q_OBJECT
    QML_ELEMENT

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

public:
    // Made by QML: the services are its engine's (classBegin).
    explicit ReceiptExport(QObject* parent = nullptr);
    // Made by C++ (tests).
    explicit ReceiptExport(amicus::app::AppServices& services, QObject* parent = nullptr);
    ~ReceiptExport() override;

    QString language() const { return language_; }
    void setLanguage(const QString& language);
    bool found() const { return !document_.empty(); }
    QString submissionId() const { return submissionId_; }
    QString receivedAt() const;
    QString size() const;
    QString sha256() const { return sha256_; }
    bool signatureChecked() const { return signatureChecked_; }

    // Writes the receipt, exactly as the endpoint signed it, to the export folder as
    // amicus-receipt-<submission id>.json. False when it could not be written.
    Q_INVOKABLE bool save();

private:
    void load() override;

    QString language_ = QStringLiteral("en");
    std::string document_; // {"receipt": "...", "signature": "..."} as stored
    QString submissionId_;
    QString receivedAtText_; // RFC 3339, as the endpoint wrote it
    quint64 size_ = 0;
    QString sha256_;
    bool signatureChecked_ = false;
};
