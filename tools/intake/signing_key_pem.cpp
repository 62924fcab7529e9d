#include "signing_key_pem.h"

#include "cli_support.h"
#include "crypto/base64.h"
#include "crypto/secret_bytes.h"
#include "file_io.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::intake {

namespace {

constexpr std::string_view pemBegin = "-----BEGIN PRIVATE KEY-----";
constexpr std::string_view pemEnd = "-----END PRIVATE KEY-----";

// PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410): this prefix, then the 32-byte seed.
constexpr std::array<std::uint8_t, 16> pkcs8Prefix{0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06,
                                                   0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};

} // namespace

std::string ed25519PrivateKeyPem(std::span<const std::uint8_t> seed)
{
    crypto::SecretBytes der(pkcs8Prefix.size() + seed.size());
    std::copy(pkcs8Prefix.begin(), pkcs8Prefix.end(), der.mutableSpan().begin());
    std::copy(seed.begin(), seed.end(), der.mutableSpan().begin() + pkcs8Prefix.size());
    std::string body = crypto::base64Encode(der.span());
    std::string pem;
    pem.reserve(pemBegin.size() + body.size() + pemEnd.size() + 3);
    pem += pemBegin;
    pem += '\n';
    pem += body;
    pem += '\n';
    pem += pemEnd;
    pem += '\n';
    crypto::wipe(body.data(), body.size());
    return pem;
}

std::optional<crypto::Ed25519KeyPair> ed25519KeyFromPem(std::string_view pem)
{
    const std::size_t begin = pem.find(pemBegin);
    const std::size_t end = pem.find(pemEnd);
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
        return std::nullopt;
    }
    std::string body;
    for (std::size_t i = begin + pemBegin.size(); i < end; ++i) {
        const char c = pem[i];
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
            body += c;
        }
    }
    auto der = crypto::base64Decode(body);
    crypto::wipe(body.data(), body.size());
    std::optional<crypto::Ed25519KeyPair> key;
    if (der && der->size() == pkcs8Prefix.size() + crypto::Ed25519KeyPair::seedSize &&
        std::equal(pkcs8Prefix.begin(), pkcs8Prefix.end(), der->begin())) {
        auto pair = crypto::Ed25519KeyPair::fromSeed(std::span(*der).subspan(pkcs8Prefix.size()));
        if (pair) {
            key.emplace(std::move(pair).value());
        }
    }
    if (der) {
        crypto::wipe(der->data(), der->size());
    }
    return key;
}

bool writeNewPrivateFile(const std::filesystem::path& path, std::string_view text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        reportError("cannot create " + path.string() + ": " + std::strerror(errno));
        return false;
    }
    bool ok = writeAll(fd, text);
    // The umask cannot widen 0600, but an inherited ACL default could: set it explicitly.
    ok = ok && ::fchmod(fd, 0600) == 0 && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok) {
        reportError("cannot write " + path.string() + ": " + std::strerror(savedErrno));
        ::unlink(path.c_str());
    }
    return ok;
}

} // namespace amicus::intake
