// What the app's outbox and receipt screens read from an outbox entry, decided in core: the kept
// receipt read and checked again with the call's key (a real Ed25519 signature), and how far a
// draft is on its way (what deleting it would cancel).
#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "sync/kept_receipt.h"
#include "sync/receipt.h"
#include "sync/sending_stage.h"
#include "sync_test_support.h"

#include <gtest/gtest.h>

namespace amicus::sync {
namespace {

using namespace amicus::sync::testing;

const std::string kId = "0f8fad5b-d9cb-469f-a165-70867728950e";

struct SignedEntry {
    crypto::Ed25519KeyPair key = std::move(crypto::Ed25519KeyPair::generate().value());
    crypto::Sha256Digest digest = crypto::Sha256::digest(std::string_view("envelope bytes"));
    store::OutboxEntry entry;

    explicit SignedEntry(const std::string& json)
    {
        entry.state = store::OutboxState::Delivered;
        entry.envelopeSize = 14;
        entry.envelopeSha256 = digest;
        entry.receipt = encodeReceiptDocument(SignedReceipt{json, *key.sign(json)});
    }
    static std::string json(std::uint64_t size, const std::string& hex)
    {
        return R"({"v":1,"submission_id":")" + kId + R"(","upload_id":"u1","size":)" +
               std::to_string(size) + R"(,"sha256":")" + hex +
               R"(","received_at":"2026-11-28T21:45:13Z"})";
    }
};

TEST(KeptReceipt, ReadsTheFieldsAndChecksTheSignatureWithTheCallsKey)
{
    const auto hex = crypto::toHex(crypto::Sha256::digest(std::string_view("envelope bytes")));
    SignedEntry signedEntry(SignedEntry::json(14, hex));
    const auto fields = readKeptReceipt(*signedEntry.entry.receipt);
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(fields->submissionId, kId);
    EXPECT_EQ(fields->receivedAt, "2026-11-28T21:45:13Z");
    EXPECT_EQ(fields->size, 14u);
    EXPECT_EQ(fields->sha256Hex, hex);

    const auto key = signedEntry.key.publicKey().toBase64();
    EXPECT_TRUE(keptReceiptChecks(signedEntry.entry, kId, key));
    // Another key, another submission, another envelope, or none recorded: not checked.
    const auto other = crypto::Ed25519KeyPair::generate().value().publicKey().toBase64();
    EXPECT_FALSE(keptReceiptChecks(signedEntry.entry, kId, other));
    EXPECT_FALSE(keptReceiptChecks(signedEntry.entry, "another-submission", key));
    EXPECT_FALSE(keptReceiptChecks(signedEntry.entry, kId, "not a key"));
    auto changed = signedEntry.entry;
    changed.envelopeSize = 15;
    EXPECT_FALSE(keptReceiptChecks(changed, kId, key));
    changed = signedEntry.entry;
    changed.envelopeSha256.reset();
    EXPECT_FALSE(keptReceiptChecks(changed, kId, key));
}

TEST(KeptReceipt, AnythingElseIsNoReceiptAndFieldsOfTheWrongTypeAreLeftEmpty)
{
    EXPECT_FALSE(readKeptReceipt("").has_value());
    EXPECT_FALSE(readKeptReceipt("{}").has_value());
    EXPECT_FALSE(
        readKeptReceipt(R"({"receipt": "[1,2]", "signature": ")" + std::string(86, 'A') + "==\"}")
            .has_value());
    // A size written as text does not throw: it reads as none.
    SignedEntry odd(R"({"submission_id":7,"size":"14","sha256":"ab","received_at":"x"})");
    const auto fields = readKeptReceipt(*odd.entry.receipt);
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(fields->size, 0u);
    EXPECT_EQ(fields->submissionId, "");
    EXPECT_EQ(fields->sha256Hex, "ab");
}

TEST(SendingStage, SaysHowFarADraftIsOnItsWay)
{
    store::DraftSummary draft;
    EXPECT_EQ(sendingStageOf(draft), SendingStage::NotFinalized);
    EXPECT_FALSE(isSealed(draft));
    draft.status = store::DraftStatus::Finalized;
    EXPECT_TRUE(isSealed(draft)); // finalized, its entry not written yet
    draft.status = store::DraftStatus::Editing;
    draft.outboxState = store::OutboxState::Queued;
    draft.envelopeSize = 1000;
    EXPECT_TRUE(isSealed(draft)); // sealed by a finalize stopped before marking the draft
    EXPECT_EQ(sendingStageOf(draft), SendingStage::Waiting);
    draft.outboxState = store::OutboxState::Uploading;
    draft.uploadedBytes = 400;
    EXPECT_EQ(sendingStageOf(draft), SendingStage::PartlySent);
    draft.uploadedBytes = 1000;
    EXPECT_EQ(sendingStageOf(draft), SendingStage::FullySent);
    draft.outboxState = store::OutboxState::Delivered;
    EXPECT_EQ(sendingStageOf(draft), SendingStage::Delivered);
}

} // namespace
} // namespace amicus::sync
