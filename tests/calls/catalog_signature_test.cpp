// The detached catalog signature: round trip, refusals, and interoperability with signatures
// made by the OpenSSL command line (what a secretariat without our tool could use).
#include "calls/builtin_catalog.h"
#include "calls/catalog_signature.h"
#include "crypto/base64.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>
#include <unistd.h>

namespace amicus::calls {
namespace {

namespace fs = std::filesystem;

crypto::Ed25519KeyPair newKeyPair()
{
    auto pair = crypto::Ed25519KeyPair::generate();
    EXPECT_TRUE(pair.ok());
    return std::move(pair).value();
}

std::string sign(const crypto::Ed25519KeyPair& key, std::string_view bytes)
{
    auto signature = key.sign(bytes);
    EXPECT_TRUE(signature.ok());
    return catalogSignatureText(signature.value());
}

TEST(CatalogSignature, RoundTripsOverTheExactBytes)
{
    const auto key = newKeyPair();
    const std::string_view bytes = builtinCatalogBytes();
    const std::string text = sign(key, bytes);
    EXPECT_EQ(text.size(), 88u + 1u); // base64 of 64 bytes and a newline
    EXPECT_EQ(text.back(), '\n');
    const std::vector trusted{key.publicKey()};
    EXPECT_TRUE(verifyCatalogSignature(bytes, text, trusted));
    EXPECT_TRUE(verifyCatalogSignature(bytes, "  \r\n" + text + "\n\n", trusted));
}

TEST(CatalogSignature, RefusesAlteredBytesOtherKeysAndGarbage)
{
    const auto key = newKeyPair();
    const auto other = newKeyPair();
    const std::string bytes(builtinCatalogBytes());
    const std::string text = sign(key, bytes);
    const std::vector trusted{key.publicKey()};

    EXPECT_FALSE(verifyCatalogSignature(bytes + "\n", text, trusted)); // one byte more
    std::string flipped = bytes;
    flipped[flipped.size() / 2] ^= 0x01;
    EXPECT_FALSE(verifyCatalogSignature(flipped, text, trusted));
    EXPECT_FALSE(verifyCatalogSignature(bytes, text, std::vector{other.publicKey()}));
    EXPECT_FALSE(verifyCatalogSignature(bytes, text, std::vector<crypto::Ed25519PublicKey>{}));
    EXPECT_TRUE(
        verifyCatalogSignature(bytes, text, std::vector{other.publicKey(), key.publicKey()}));

    EXPECT_FALSE(verifyCatalogSignature(bytes, "", trusted));
    EXPECT_FALSE(verifyCatalogSignature(bytes, text.substr(0, 80), trusted));
    std::string badSignature = text;
    badSignature[10] = badSignature[10] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(verifyCatalogSignature(bytes, badSignature, trusted));
    EXPECT_FALSE(parseCatalogSignature("A" + text).has_value()); // 65 bytes
}

// Runs a shell command and returns its exit status.
int run(const std::string& command)
{
    return std::system(command.c_str());
}

TEST(CatalogSignature, VerifiesSignaturesMadeByTheOpenSslCommandLine)
{
    std::random_device random;
    const fs::path dir = fs::temp_directory_path() / ("amicus-sig-" + std::to_string(getpid()) +
                                                      "-" + std::to_string(random()));
    fs::create_directories(dir);
    const std::string key = (dir / "key.pem").string();
    const std::string catalog = (dir / "catalog.json").string();
    {
        std::ofstream out(catalog, std::ios::binary);
        out << builtinCatalogBytes();
    }
    ASSERT_EQ(run("openssl genpkey -algorithm ed25519 -out '" + key + "' 2>/dev/null"), 0);
    ASSERT_EQ(run("openssl pkey -in '" + key +
                  "' -pubout -outform DER 2>/dev/null | tail -c 32 | "
                  "base64 -w0 > '" +
                  (dir / "pub.b64").string() + "'"),
              0);
    ASSERT_EQ(run("openssl pkeyutl -sign -rawin -inkey '" + key + "' -in '" + catalog +
                  "' 2>/dev/null | base64 -w0 > '" + (dir / "catalog.json.sig").string() + "'"),
              0);
    auto readAll = [](const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        return buffer.str();
    };
    const auto publicKey = crypto::Ed25519PublicKey::fromBase64(readAll(dir / "pub.b64"));
    ASSERT_TRUE(publicKey.ok());
    const std::string signature = readAll(dir / "catalog.json.sig");
    fs::remove_all(dir);

    EXPECT_TRUE(verifyCatalogSignature(builtinCatalogBytes(), signature, std::vector{*publicKey}));
    EXPECT_FALSE(verifyCatalogSignature(std::string(builtinCatalogBytes()) + " ", signature,
                                        std::vector{*publicKey}));
}

} // namespace
} // namespace amicus::calls
