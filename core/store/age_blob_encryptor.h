// AgeBlobEncryptor: writes attachment blobs as age v1 files to the vault's own X25519
// recipient, so attachments can be added while the vault is locked.
#pragma once

#include "crypto/age_keys.h"
#include "store/blob_encryptor.h"

namespace amicus::store {

class AgeBlobEncryptor : public BlobEncryptor {
public:
    explicit AgeBlobEncryptor(crypto::X25519Recipient vaultRecipient)
        : recipient_(std::move(vaultRecipient))
    {
    }

    // Reads `input` in 64 KiB pieces, hands each to `onChunk`, then to the age writer; the
    // file is fsynced before success is returned. A full disk is reported as DiskFull.
    [[nodiscard]] StoreResult<void>
    encryptToFile(std::istream& input, const std::filesystem::path& destination,
                  const std::function<bool(std::span<const std::uint8_t>, StoreError&)>& onChunk)
        const override;

private:
    crypto::X25519Recipient recipient_;
};

} // namespace amicus::store
