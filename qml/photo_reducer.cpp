#include "photo_reducer.h"

#include "store/media_type.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <algorithm>
#include <cstring>

namespace amicus::app {

namespace {

// Appends decrypted bytes to a QByteArray, so an attachment reaches the decoder without a file.
class ByteArraySink : public crypto::ByteSink {
public:
    explicit ByteArraySink(QByteArray& out) : out_(out) {}
    Result<void, crypto::IoError> write(std::span<const std::uint8_t> bytes) override
    {
        out_.append(reinterpret_cast<const char*>(bytes.data()),
                    static_cast<qsizetype>(bytes.size()));
        return {};
    }
    Result<void, crypto::IoError> reserve(std::uint64_t totalBytes) override
    {
        // Reserving up front avoids reallocations that would leave stale copies of the photo.
        out_.reserve(static_cast<qsizetype>(totalBytes));
        return {};
    }

private:
    QByteArray& out_;
};

} // namespace

bool PhotoReducer::canReduce(const QString& mediaType)
{
    return store::isStillPhoto(mediaType.toStdString()) &&
           QImageReader::supportedMimeTypes().contains(mediaType.toLatin1());
}

Result<QByteArray, PhotoReducer::Errc> PhotoReducer::reduce(const QByteArray& photo)
{
    QBuffer input;
    input.setData(photo);
    if (!input.open(QIODevice::ReadOnly)) {
        return fail(Errc::Unreadable);
    }
    QImageReader reader(&input);
    reader.setAutoTransform(true);
    // The size as stored; the orientation is applied after scaling, which keeps the long edge.
    const QSize stored = reader.size();
    if (!stored.isValid()) {
        return fail(Errc::Unreadable);
    }
    if (std::max(stored.width(), stored.height()) > longEdge) {
        // The JPEG decoder then decodes at a reduced scale: less memory and time on a phone.
        reader.setScaledSize(stored.scaled(longEdge, longEdge, Qt::KeepAspectRatio));
    }
    const QImage decoded = reader.read();
    if (decoded.isNull()) {
        return fail(Errc::Unreadable);
    }
    // A new image holding only the pixels: comments and text chunks of the original stay out.
    QImage clean(decoded.size(), QImage::Format_RGB32);
    clean.fill(Qt::white);
    {
        QPainter painter(&clean);
        painter.drawImage(0, 0, decoded);
    }
    if (decoded.colorSpace().isValid()) {
        clean.setColorSpace(decoded.colorSpace());
    }
    QByteArray encoded;
    QBuffer output(&encoded);
    if (!output.open(QIODevice::WriteOnly)) {
        return fail(Errc::EncodeFailed);
    }
    QImageWriter writer(&output, "jpeg");
    writer.setQuality(jpegQuality);
    writer.setOptimizedWrite(true);
    if (!writer.write(clean)) {
        return fail(Errc::EncodeFailed);
    }
    return encoded;
}

store::StoreResult<QByteArray> PhotoReducer::readOriginal(const store::VaultStore& store,
                                                          const store::AttachmentInfo& attachment,
                                                          const crypto::AgeIdentity& identity)
{
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(attachment.size));
    ByteArraySink sink(bytes);
    auto decrypted = store.attachments().decrypt(attachment, identity, sink);
    if (!decrypted) {
        wipe(bytes);
        return fail(decrypted.error());
    }
    return bytes;
}

void PhotoReducer::wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        // Shared with another holder: that one wipes it; ours just lets go.
        bytes.clear();
        return;
    }
    if (!bytes.isEmpty()) {
        volatile char* data = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            data[i] = 0;
        }
    }
    bytes.clear();
}

} // namespace amicus::app
