// `amicus-intake catalog keygen|pubkey|sign|verify`: the secretariat's side of the signed
// calls catalog. Signing keys are Ed25519 in PKCS#8 PEM, the form `openssl genpkey` and Node
// write, so a key can be made or inspected with either.
#include "calls/catalog_parser.h"
#include "calls/catalog_signature.h"
#include "calls/practice_catalog.h"
#include "cli_support.h"
#include "command.h"
#include "crypto/base64.h"
#include "crypto/ed25519.h"
#include "crypto/secret_bytes.h"
#include "file_io.h"
#include "signing_key_pem.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace amicus::intake {

namespace {

constexpr std::string_view usage =
    "usage: amicus-intake catalog keygen -o KEY_FILE\n"
    "       amicus-intake catalog pubkey -k KEY_FILE\n"
    "       amicus-intake catalog sign -k KEY_FILE [-o SIG_FILE] CATALOG.json\n"
    "       amicus-intake catalog verify -p PUBKEY_BASE64... [-s SIG_FILE] CATALOG.json\n"
    "       amicus-intake catalog practice [--days N] [--sequence N] -o OUT.json CATALOG.json\n";

// Replaces `path` atomically (temporary file, then rename), so an endpoint that re-reads the
// signature never serves half of it.
bool replaceAtomically(const std::string& path, std::string_view text)
{
    if (!replaceFileAtomically(path, text, 0644)) {
        reportError("cannot write " + path + ": " + std::strerror(errno));
        return false;
    }
    return true;
}

// The value of the one option a subcommand takes (keygen -o, pubkey -k), which it must be
// given, without positionals; nullopt after printing why or the usage (the command exits 2).
std::optional<std::string> soleOption(std::span<const std::string> args, const std::string& option,
                                      const std::string& longName)
{
    auto parsed = parseArgs(args, {option}, {}, {{longName, option}});
    if (!parsed) {
        return std::nullopt;
    }
    auto value = parsed->last(option);
    if (!value || !parsed->positionals.empty()) {
        std::fputs(usage.data(), stderr);
        return std::nullopt;
    }
    return value;
}

// Reads an Ed25519 PKCS#8 PEM key file (as written by keygen, openssl or Node).
std::optional<crypto::Ed25519KeyPair> loadSigningKey(const std::string& path)
{
    auto text = readSmallFile(path);
    if (!text) {
        return std::nullopt;
    }
    std::optional<crypto::Ed25519KeyPair> key = ed25519KeyFromPem(*text);
    crypto::wipe(text->data(), text->size());
    if (!key) {
        reportError(path + " is not an Ed25519 private key in PKCS#8 PEM");
    }
    return key;
}

void describeCatalog(const calls::Catalog& catalog)
{
    std::fprintf(stderr, "catalog: sequence %llu, issued %s, %zu call(s)\n",
                 static_cast<unsigned long long>(catalog.sequence), catalog.issuedAt.text.c_str(),
                 catalog.calls.size());
    for (const calls::TextFallback& fallback : catalog.fallbacks) {
        std::fprintf(stderr, "warning: no %s text at %s (English will be shown)\n",
                     std::string(calls::languageCode(fallback.language)).c_str(),
                     fallback.path.c_str());
    }
}

std::optional<calls::Catalog> parseOrReport(const std::string& path, std::string_view bytes)
{
    auto parsed = calls::parseCatalog(bytes);
    if (!parsed) {
        reportError(path + " is not a valid catalog: " +
                    std::string(calls::catalogErrorName(parsed.error().code)) + " at " +
                    (parsed.error().path.empty() ? "/" : parsed.error().path));
        return std::nullopt;
    }
    return std::move(parsed).value();
}

int keygen(std::span<const std::string> args)
{
    const auto output = soleOption(args, "-o", "--output");
    if (!output) {
        return 2;
    }
    auto key = crypto::Ed25519KeyPair::generate();
    if (!key) {
        reportError("cannot generate an Ed25519 key");
        return 1;
    }
    std::string pem = ed25519PrivateKeyPem(key->seed());
    const bool ok = writeNewPrivateFile(*output, pem);
    crypto::wipe(pem.data(), pem.size());
    if (!ok) {
        return 1;
    }
    // The public key on stdout, for AMICUS_CATALOG_SIGNING_KEYS and `catalog verify -p`.
    std::printf("%s\n", key->publicKey().toBase64().c_str());
    return 0;
}

int pubkey(std::span<const std::string> args)
{
    const auto keyFile = soleOption(args, "-k", "--key");
    if (!keyFile) {
        return 2;
    }
    const auto key = loadSigningKey(*keyFile);
    if (!key) {
        return 1;
    }
    std::printf("%s\n", key->publicKey().toBase64().c_str());
    return 0;
}

int sign(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-k", "-o"}, {}, {{"--key", "-k"}, {"--output", "-o"}});
    if (!parsed) {
        return 2;
    }
    const auto keyFile = parsed->last("-k");
    if (!keyFile || parsed->positionals.size() != 1) {
        std::fputs(usage.data(), stderr);
        return 2;
    }
    const std::string& catalogPath = parsed->positionals[0];
    const auto bytes = readSmallFile(catalogPath);
    if (!bytes) {
        return 1;
    }
    // Refuse to sign what apps would refuse to load: a signed but malformed catalog would
    // only surface as "Malformed" on every phone.
    const auto catalog = parseOrReport(catalogPath, *bytes);
    if (!catalog) {
        return 1;
    }
    const auto key = loadSigningKey(*keyFile);
    if (!key) {
        return 1;
    }
    const auto signature = key->sign(*bytes);
    if (!signature) {
        reportError("signing failed");
        return 1;
    }
    const std::string signaturePath = parsed->last("-o").value_or(catalogPath + ".sig");
    if (!replaceAtomically(signaturePath, calls::catalogSignatureText(*signature))) {
        return 1;
    }
    describeCatalog(*catalog);
    std::fprintf(stderr, "signed with %s, signature in %s\n", key->publicKey().toBase64().c_str(),
                 signaturePath.c_str());
    return 0;
}

int verify(std::span<const std::string> args)
{
    auto parsed =
        parseArgs(args, {"-p", "-s"}, {}, {{"--public-key", "-p"}, {"--signature", "-s"}});
    if (!parsed) {
        return 2;
    }
    const auto keysGiven = parsed->values.find("-p");
    if (keysGiven == parsed->values.end() || parsed->positionals.size() != 1) {
        std::fputs(usage.data(), stderr);
        return 2;
    }
    std::vector<crypto::Ed25519PublicKey> trusted;
    for (const std::string& text : keysGiven->second) {
        auto key = crypto::Ed25519PublicKey::fromBase64(text);
        if (!key) {
            reportError("not an Ed25519 public key (base64 of 32 bytes): " + text);
            return 2;
        }
        trusted.push_back(*key);
    }
    const std::string& catalogPath = parsed->positionals[0];
    const std::string signaturePath = parsed->last("-s").value_or(catalogPath + ".sig");
    const auto bytes = readSmallFile(catalogPath);
    const auto signature = readSmallFile(signaturePath);
    if (!bytes || !signature) {
        return 1;
    }
    if (!calls::parseCatalogSignature(*signature)) {
        reportError(signaturePath + " is not a catalog signature (base64 of 64 bytes)");
        return 1;
    }
    if (!calls::verifyCatalogSignature(*bytes, *signature, trusted)) {
        reportError("BAD signature: " + catalogPath + " is not signed by the given key(s)");
        return 1;
    }
    const auto catalog = parseOrReport(catalogPath, *bytes);
    if (!catalog) {
        return 1;
    }
    describeCatalog(*catalog);
    std::printf("OK: %s is signed by a trusted key\n", catalogPath.c_str());
    return 0;
}

std::optional<std::uint64_t> numberOption(const ParsedArgs& parsed, const std::string& option,
                                          std::uint64_t fallback)
{
    const auto text = parsed.last(option);
    if (!text) {
        return fallback;
    }
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error != std::errc() || end != text->data() + text->size()) {
        reportError(option + " takes a whole number, not \"" + *text + "\"");
        return std::nullopt;
    }
    return number;
}

// Re-issues a catalog's calls as labelled practice calls, open until N days from now (the
// demo secretariat's catalog in scripts/run.sh). The output is then signed as any catalog.
int practice(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-o", "--days", "--sequence"}, {}, {{"--output", "-o"}});
    if (!parsed) {
        return 2;
    }
    const auto output = parsed->last("-o");
    const auto days = numberOption(*parsed, "--days", 28);
    const auto sequence = numberOption(*parsed, "--sequence", 1);
    if (!output || parsed->positionals.size() != 1 || !days || !sequence || *days > 3660) {
        std::fputs(usage.data(), stderr);
        return 2;
    }
    const std::string& catalogPath = parsed->positionals[0];
    const auto bytes = readSmallFile(catalogPath);
    if (!bytes) {
        return 1;
    }
    const std::int64_t now = std::time(nullptr);
    calls::PracticeOptions options;
    options.sequence = *sequence;
    options.issuedAtUnixSeconds = now;
    options.deadlineUnixSeconds = now + static_cast<std::int64_t>(*days) * 86400;
    const auto practiceBytes = calls::practiceCatalogJson(*bytes, options);
    if (!practiceBytes) {
        reportError(catalogPath + " is not a valid catalog: " +
                    std::string(calls::catalogErrorName(practiceBytes.error().code)) + " at " +
                    (practiceBytes.error().path.empty() ? "/" : practiceBytes.error().path));
        return 1;
    }
    if (!replaceAtomically(*output, *practiceBytes)) {
        return 1;
    }
    std::fprintf(stderr, "practice catalog in %s: sequence %llu, open until %s\n", output->c_str(),
                 static_cast<unsigned long long>(*sequence),
                 calls::rfc3339Utc(options.deadlineUnixSeconds).c_str());
    return 0;
}

} // namespace

int runCatalog(std::span<const std::string> args)
{
    if (args.empty()) {
        std::fputs(usage.data(), stderr);
        return 2;
    }
    const std::string& action = args[0];
    const auto rest = args.subspan(1);
    if (action == "keygen") {
        return keygen(rest);
    }
    if (action == "pubkey") {
        return pubkey(rest);
    }
    if (action == "sign") {
        return sign(rest);
    }
    if (action == "verify") {
        return verify(rest);
    }
    if (action == "practice") {
        return practice(rest);
    }
    reportError("unknown catalog action \"" + action + "\"");
    std::fputs(usage.data(), stderr);
    return 2;
}

} // namespace amicus::intake
