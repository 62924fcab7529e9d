// `amicus-intake init DIR`: the secretariat's three keys in one private directory — the age
// identity that opens submissions, the key that signs the calls catalog and the key the
// reference endpoint signs receipts with — and their public halves, ready for the catalog.
#include "cli_support.h"
#include "command.h"
#include "crypto/age_keys.h"
#include "crypto/ed25519.h"
#include "crypto/secret_bytes.h"
#include "file_io.h"
#include "signing_key_pem.h"

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::intake {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view identityFileName = "identity.txt";
constexpr std::string_view catalogKeyFileName = "catalog-signing.pem";
// The name the reference endpoint looks for in its --keys directory (server/src/keys.js).
constexpr std::string_view receiptKeyFileName = "receipt-signing.pem";

constexpr std::string_view usage = "usage: amicus-intake init DIR\n";

} // namespace

int runInit(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {}, {}, {});
    if (!parsed) {
        return 2;
    }
    if (parsed->positionals.size() != 1) {
        (void)std::fputs(usage.data(), stderr);
        return 2;
    }
    const fs::path dir = parsed->positionals[0];
    const fs::path identityPath = dir / identityFileName;
    const fs::path catalogKeyPath = dir / catalogKeyFileName;
    const fs::path receiptKeyPath = dir / receiptKeyFileName;

    // Refuse before creating anything, so a half-initialised directory never mixes old and
    // new keys: losing the old identity would make every submission sent to it unreadable.
    for (const fs::path& path : {identityPath, catalogKeyPath, receiptKeyPath}) {
        std::error_code error;
        if (fs::symlink_status(path, error).type() != fs::file_type::not_found) {
            reportError(path.string() + " exists; init never overwrites keys");
            return 1;
        }
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        reportError("cannot create " + dir.string() + ": " + std::strerror(errno));
        return 1;
    }
    struct stat info {};
    if (::lstat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        reportError(dir.string() + " is not a directory");
        return 1;
    }
    // An existing directory others can read or enter is refused rather than changed: it may
    // be a home or shared folder whose permissions are not ours to tighten.
    if ((info.st_mode & 077) != 0) {
        reportError(dir.string() + " is open to other users (mode " +
                    std::to_string((info.st_mode >> 6) & 7) +
                    std::to_string((info.st_mode >> 3) & 7) + std::to_string(info.st_mode & 7) +
                    "); give a new directory, or make it private first (chmod 700)");
        return 1;
    }
    if (info.st_uid != ::geteuid()) {
        reportError(dir.string() + " belongs to another user");
        return 1;
    }

    auto identity = crypto::X25519Identity::generate();
    auto catalogKey = crypto::Ed25519KeyPair::generate();
    auto receiptKey = crypto::Ed25519KeyPair::generate();
    if (!identity || !catalogKey || !receiptKey) {
        reportError("cannot generate keys (the system random generator failed)");
        return 1;
    }
    std::string identityText =
        crypto::formatIdentityFile(*identity, std::chrono::system_clock::now());
    std::string catalogPem = ed25519PrivateKeyPem(catalogKey->seed());
    std::string receiptPem = ed25519PrivateKeyPem(receiptKey->seed());
    const bool ok = writeNewPrivateFile(identityPath, identityText) &&
                    writeNewPrivateFile(catalogKeyPath, catalogPem) &&
                    writeNewPrivateFile(receiptKeyPath, receiptPem);
    crypto::wipe(identityText.data(), identityText.size());
    crypto::wipe(catalogPem.data(), catalogPem.size());
    crypto::wipe(receiptPem.data(), receiptPem.size());
    if (!ok) {
        // Leave nothing half made: a later init must be able to start again.
        std::error_code ignored;
        fs::remove(identityPath, ignored);
        fs::remove(catalogKeyPath, ignored);
        fs::remove(receiptKeyPath, ignored);
        return 1;
    }
    syncDirectory(dir);

    const std::string recipient = identity->recipient().toString();
    const std::string catalogPublic = catalogKey->publicKey().toBase64();
    const std::string receiptPublic = receiptKey->publicKey().toBase64();
    (void)std::printf("# Secretariat keys in %s (keep this directory private and backed up)\n",
                      dir.c_str());
    (void)std::printf("#   %s: age identity, opens the submissions (amicus-intake inbox -i)\n",
                      identityPath.c_str());
    (void)std::printf("#   %s: signs the calls catalog (amicus-intake catalog sign -k)\n",
                      catalogKeyPath.c_str());
    (void)std::printf("#   %s: copy into the endpoint's --keys directory\n",
                      receiptKeyPath.c_str());
    (void)std::printf("#\n# For each call in catalog.json:\n");
    (void)std::printf("\"recipients\": [\"%s\"],\n", recipient.c_str());
    (void)std::printf("\"receipt_key\": \"%s\",\n", receiptPublic.c_str());
    (void)std::printf("#\n# For the app build (trusted catalog-signing key):\n");
    (void)std::printf("AMICUS_CATALOG_SIGNING_KEYS=%s\n", catalogPublic.c_str());
    return 0;
}

} // namespace amicus::intake
