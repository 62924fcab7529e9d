// Ed25519 private keys as PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), the form `openssl
// genpkey`, Node's crypto and the reference endpoint read and write: the one place
// amicus-intake's init and catalog commands encode, decode and save them.
#pragma once

#include "crypto/ed25519.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace amicus::intake {

// The PEM text of the Ed25519 key with this 32-byte seed. The caller wipes the result.
[[nodiscard]] std::string ed25519PrivateKeyPem(std::span<const std::uint8_t> seed);

// The key in `pem` (surrounding text and line breaks allowed), or nullopt when it holds no
// Ed25519 PKCS#8 private key. Intermediate copies of the secret are wiped.
[[nodiscard]] std::optional<crypto::Ed25519KeyPair> ed25519KeyFromPem(std::string_view pem);

// Creates `path` with mode 0600 (it must not exist yet; never follows or replaces anything),
// writes `text` and fsyncs it. On failure reports why on stderr, removes what it created and
// returns false.
[[nodiscard]] bool writeNewPrivateFile(const std::filesystem::path& path, std::string_view text);

} // namespace amicus::intake
