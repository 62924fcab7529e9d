// PhotoReducer: the smaller copy of a photo that a field worker on a slow, costly link sends
// instead of the original — at most 1600 px on the long edge, the camera's orientation applied,
// JPEG at quality 80, and nothing but pixels: the EXIF block, with the location the camera
// recorded, is not carried over. Everything happens in memory; no plain file is written.
#pragma once

#include "common/result.h"
#include "store/vault_store.h"

#include <QByteArray>
#include <QSize>
#include <QString>

namespace amicus::app {

class PhotoReducer {
public:
    static constexpr int longEdge = 1600;
    static constexpr int jpegQuality = 80;
    // What the smaller copy is encoded as (the store records it; the package sends it so).
    static constexpr const char* mediaType = "image/jpeg";

    enum class Errc {
        Unreadable,   // not an image this build of Qt can decode, or damaged
        EncodeFailed, // the JPEG encoder failed (out of memory)
    };

    // True for still photos (store::isStillPhoto: JPEG, PNG, HEIC/HEIF, WebP, TIFF, BMP) that
    // this build of Qt can decode: the editor offers a smaller copy of those only (HEIC needs a
    // Qt image plugin).
    [[nodiscard]] static bool canReduce(const QString& mediaType);

    // The smaller copy of the encoded image `photo`: decoded with its EXIF orientation applied,
    // scaled down (never up) to `longEdge`, transparent areas on white, encoded as JPEG with no
    // metadata but its colour profile.
    [[nodiscard]] static Result<QByteArray, Errc> reduce(const QByteArray& photo);

    // The original bytes of `attachment`, decrypted from its vault blob with `identity` into
    // memory and checked against the record (the store's errors otherwise).
    [[nodiscard]] static store::StoreResult<QByteArray>
    readOriginal(const store::VaultStore& store, const store::AttachmentInfo& attachment,
                 const crypto::AgeIdentity& identity);

    // Overwrites `bytes` (decrypted photo data) before it is freed.
    static void wipe(QByteArray& bytes);
};

} // namespace amicus::app
