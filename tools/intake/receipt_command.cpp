// `amicus-intake receipt verify`: checks a receipt an NGO saved from its outbox (the endpoint's
// signed statement of what it received: the same document GET /receipts/<id> serves) against
// the endpoint's receipt-signing public key, and optionally against the envelope it describes.
#include "cli_support.h"
#include "command.h"
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "sync/receipt.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace amicus::intake {

namespace {

constexpr std::string_view usage =
    "usage: amicus-intake receipt verify -p RECEIPT_KEY_BASE64 [--envelope ENVELOPE.age] "
    "RECEIPT.json\n";

struct EnvelopeFacts {
    std::uint64_t size = 0;
    crypto::Sha256Digest sha256{};
};

std::optional<EnvelopeFacts> measureEnvelope(const std::string& path)
{
    auto input = openInput(path);
    if (!input) {
        return std::nullopt;
    }
    EnvelopeFacts facts;
    crypto::Sha256 hasher;
    std::array<std::uint8_t, 64 * 1024> buffer{};
    while (true) {
        auto got = input->read(buffer);
        if (!got) {
            reportError("cannot read " + path);
            return std::nullopt;
        }
        if (*got == 0) {
            break;
        }
        hasher.update(std::span<const std::uint8_t>(buffer.data(), *got));
        facts.size += *got;
    }
    facts.sha256 = hasher.finish();
    return facts;
}

// What the signed bytes say, read only to know what to check them against when no envelope is
// given: verifyReceipt then checks the signature and that the fields are well-formed.
std::optional<sync::ExpectedEnvelope> claimedEnvelope(const std::string& receiptJson)
{
    const auto fields = nlohmann::json::parse(receiptJson, nullptr, false);
    if (!fields.is_object() || !fields.contains("submission_id") ||
        !fields["submission_id"].is_string() || !fields.contains("size") ||
        !fields["size"].is_number_unsigned() || !fields.contains("sha256") ||
        !fields["sha256"].is_string()) {
        return std::nullopt;
    }
    const std::string hex = fields["sha256"].get<std::string>();
    if (hex.size() != 64) {
        return std::nullopt;
    }
    sync::ExpectedEnvelope expected;
    expected.submissionId = fields["submission_id"].get<std::string>();
    expected.size = fields["size"].get<std::uint64_t>();
    for (std::size_t i = 0; i < 32; ++i) {
        const auto byte = hex.substr(2 * i, 2);
        if (byte.find_first_not_of("0123456789abcdef") != std::string::npos) {
            return std::nullopt;
        }
        expected.sha256[i] = static_cast<std::uint8_t>(std::stoul(byte, nullptr, 16));
    }
    return expected;
}

int verify(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-p", "--envelope"}, {}, {{"--receipt-key", "-p"}});
    if (!parsed) {
        return 2;
    }
    const auto keyText = parsed->last("-p");
    if (!keyText || parsed->positionals.size() != 1) {
        std::fputs(usage.data(), stderr);
        return 2;
    }
    const auto key = crypto::Ed25519PublicKey::fromBase64(*keyText);
    if (!key) {
        reportError("not an Ed25519 public key (base64 of 32 bytes): " + *keyText);
        return 2;
    }
    const std::string& receiptPath = parsed->positionals[0];
    const auto bytes = readSmallFile(receiptPath);
    if (!bytes) {
        return 1;
    }
    const auto signedReceipt = sync::decodeReceiptDocument(*bytes);
    if (!signedReceipt) {
        reportError(receiptPath + " is not a receipt: " + signedReceipt.error().detail);
        return 1;
    }
    auto expected = claimedEnvelope(signedReceipt->receiptJson);
    if (!expected) {
        reportError(receiptPath + " is not a receipt: its fields are missing or malformed");
        return 1;
    }
    const auto envelopePath = parsed->last("--envelope");
    if (envelopePath) {
        const auto facts = measureEnvelope(*envelopePath);
        if (!facts) {
            return 1;
        }
        expected->size = facts->size;
        expected->sha256 = facts->sha256;
    }
    const auto receipt = sync::verifyReceipt(*signedReceipt, *key, *expected);
    if (!receipt) {
        reportError("BAD receipt: " + receipt.error().detail);
        return 1;
    }
    std::printf("OK: signed by %s\n", key->toBase64().c_str());
    std::printf("submission %s\nreceived at %s\nsize %llu bytes\nsha256 %s\n",
                receipt->submissionId.c_str(), receipt->receivedAt.c_str(),
                static_cast<unsigned long long>(receipt->size),
                crypto::toHex(receipt->sha256).c_str());
    if (envelopePath) {
        std::printf("and it describes %s exactly\n", envelopePath->c_str());
    }
    return 0;
}

} // namespace

int runReceipt(std::span<const std::string> args)
{
    if (args.empty() || args[0] != "verify") {
        std::fputs(usage.data(), stderr);
        return 2;
    }
    return verify(args.subspan(1));
}

} // namespace amicus::intake
