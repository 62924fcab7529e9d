#include "key_store_vault_wrap.h"

namespace amicus::platform {

namespace {

QByteArray toBytes(std::span<const std::uint8_t> bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()),
                      static_cast<qsizetype>(bytes.size()));
}

crypto::KeyWrapResult<std::vector<std::uint8_t>> toResult(const KeyStoreResult<QByteArray>& result)
{
    if (!result) {
        crypto::KeyWrapFailure failure;
        failure.detail = result.error().detail.toStdString();
        switch (result.error().code) {
        case KeyStoreError::Refused:
            failure.code = crypto::KeyWrapError::Refused;
            break;
        case KeyStoreError::Invalidated:
            failure.code = crypto::KeyWrapError::Invalidated;
            break;
        case KeyStoreError::Corrupt:
            failure.code = crypto::KeyWrapError::Corrupt;
            break;
        case KeyStoreError::Backend:
            failure.code = crypto::KeyWrapError::Backend;
            break;
        }
        return fail(std::move(failure));
    }
    const auto* data = reinterpret_cast<const std::uint8_t*>(result->constData());
    return std::vector<std::uint8_t>(data, data + result->size());
}

} // namespace

crypto::KeyWrapResult<std::vector<std::uint8_t>>
KeyStoreVaultWrap::wrap(std::span<const std::uint8_t> sealedIdentity)
{
    return toResult(keyStore_.wrap(toBytes(sealedIdentity)));
}

crypto::KeyWrapResult<std::vector<std::uint8_t>>
KeyStoreVaultWrap::unwrap(std::span<const std::uint8_t> wrapped)
{
    return toResult(keyStore_.unwrap(toBytes(wrapped)));
}

} // namespace amicus::platform
