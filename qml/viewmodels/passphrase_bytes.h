// PassphraseBytes: a passphrase typed in the UI as UTF-8 bytes, wiped when the request using
// it is done (QString copies in QML are beyond reach; this one at least does not linger).
#pragma once

#include <QByteArray>
#include <QString>
#include <openssl/crypto.h>
#include <string_view>

class PassphraseBytes {
public:
    explicit PassphraseBytes(const QString& passphrase) : bytes_(passphrase.toUtf8()) {}
    ~PassphraseBytes() { OPENSSL_cleanse(bytes_.data(), static_cast<std::size_t>(bytes_.size())); }
    PassphraseBytes(const PassphraseBytes&) = delete;
    PassphraseBytes& operator=(const PassphraseBytes&) = delete;

    std::string_view view() const
    {
        return {bytes_.constData(), static_cast<std::size_t>(bytes_.size())};
    }

private:
    QByteArray bytes_;
};
