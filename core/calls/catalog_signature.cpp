#include "calls/catalog_signature.h"

#include "crypto/base64.h"

#include <algorithm>

namespace amicus::calls {
namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

std::string catalogSignatureText(const crypto::Ed25519Signature& signature)
{
    return crypto::base64Encode(signature, crypto::Base64Padding::Padded) + "\n";
}

std::optional<crypto::Ed25519Signature> parseCatalogSignature(std::string_view signatureText)
{
    while (!signatureText.empty() && isAsciiSpace(signatureText.front())) {
        signatureText.remove_prefix(1);
    }
    while (!signatureText.empty() && isAsciiSpace(signatureText.back())) {
        signatureText.remove_suffix(1);
    }
    auto decoded = crypto::base64Decode(signatureText, crypto::Base64Padding::Padded);
    if (!decoded || decoded->size() != std::tuple_size_v<crypto::Ed25519Signature>) {
        return std::nullopt;
    }
    crypto::Ed25519Signature signature{};
    std::copy(decoded->begin(), decoded->end(), signature.begin());
    return signature;
}

bool verifyCatalogSignature(std::string_view catalogBytes, std::string_view signatureText,
                            std::span<const crypto::Ed25519PublicKey> trustedKeys)
{
    const auto signature = parseCatalogSignature(signatureText);
    if (!signature) {
        return false;
    }
    return std::any_of(
        trustedKeys.begin(), trustedKeys.end(),
        [&](const crypto::Ed25519PublicKey& key) { return key.verify(catalogBytes, *signature); });
}

} // namespace amicus::calls
