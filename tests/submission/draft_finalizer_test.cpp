// finalizeDraft on a real vault: the envelope opens with the standard age command line into a
// tar holding the submission, the attachment comes back byte for byte, and the outbox holds it.
#include "age_extract.h"
#include "calls/builtin_catalog.h"
#include "crypto/age_keys.h"
#include "crypto/sha256.h"
#include "submission/draft_finalizer.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace amicus::submission {
namespace {

std::string readAll(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class FinalizeDraft : public ::testing::Test {
protected:
    void SetUp() override
    {
        root_ = std::filesystem::temp_directory_path() /
                ("amicus-finalize-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(root_);
        crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        auto session = store::VaultSession::create(root_ / "data", "finalize test words", options);
        ASSERT_TRUE(session.ok());
        session_ = std::move(session).value();
        auto identity = crypto::X25519Identity::generate();
        ASSERT_TRUE(identity.ok());
        recipient_ = identity->recipient().toString();
        std::ofstream(root_ / "secretariat.key") << identity->toString() << "\n";
        call_ = &calls::builtinCatalog().calls.front();
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    std::int64_t completeDraft()
    {
        auto& store = session_->store();
        const auto id = store.drafts().create(call_->id).value();
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Language, "es").ok());
        EXPECT_TRUE(
            store.drafts().saveField(id, store::DraftField::Organization, "Cinta Roja").ok());
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Country, "Chile").ok());
        EXPECT_TRUE(store.drafts().saveField(id, store::DraftField::Consent, "anonymous").ok());
        EXPECT_TRUE(
            store.drafts().saveAnswer(id, call_->questions.front().id, "Una respuesta.").ok());
        std::ofstream(root_ / "photo.jpg", std::ios::binary) << std::string(70001, 'p');
        EXPECT_TRUE(store.attachments()
                        .addFile(id, root_ / "photo.jpg", "photo.jpg", "image/jpeg", 1 << 20)
                        .ok());
        return id;
    }

    std::filesystem::path root_;
    std::unique_ptr<store::VaultSession> session_;
    std::string recipient_;
    const calls::Call* call_ = nullptr;
};

TEST_F(FinalizeDraft, TheEnvelopeOpensWithAgeAndTar)
{
    const auto id = completeDraft();
    auto envelope = finalizeDraft(*session_, root_ / "data", id, *call_, {recipient_});
    ASSERT_TRUE(envelope.ok());
    EXPECT_EQ(envelope->path,
              store::DataLayout::outboxDir(root_ / "data") / (envelope->submissionId + ".age"));
    EXPECT_EQ(std::filesystem::file_size(envelope->path), envelope->size);

    const auto unpacked = root_ / "unpacked";
    ASSERT_TRUE(test_support::extractWithAge(root_ / "secretariat.key", envelope->path, unpacked));
    const std::string json = readAll(unpacked / "submission.json");
    EXPECT_NE(json.find("Cinta Roja"), std::string::npos);
    EXPECT_NE(json.find("anonymous"), std::string::npos);
    EXPECT_NE(json.find(call_->questions.front().id), std::string::npos);
    bool attachmentFound = false;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(unpacked / "attachments")) {
        if (entry.is_regular_file()) {
            EXPECT_EQ(readAll(entry.path()), std::string(70001, 'p'));
            attachmentFound = true;
        }
    }
    EXPECT_TRUE(attachmentFound);

    const auto entry = session_->store().outbox().entry(id);
    ASSERT_TRUE(entry.ok());
    EXPECT_EQ(entry->state, store::OutboxState::Queued);
    EXPECT_EQ(entry->envelopeSize, envelope->size);
    // The sender checks the receipt against this digest: it is the file's.
    ASSERT_TRUE(entry->envelopeSha256.has_value());
    EXPECT_EQ(*entry->envelopeSha256, envelope->sha256);
    EXPECT_EQ(*entry->envelopeSha256, crypto::Sha256::digest(readAll(envelope->path)));
    EXPECT_EQ(session_->store().drafts().get(id)->status, store::DraftStatus::Finalized);
}

// A photo whose smaller copy was chosen travels as that copy: its stem with .jpg, image/jpeg,
// the copy's bytes, size and SHA-256; the original's bytes are nowhere in the package. The
// other attachment is untouched, and so is the original blob in the vault.
TEST_F(FinalizeDraft, PacksTheSmallerCopyOfAPhotoWhenChosen)
{
    const auto id = completeDraft();
    auto& store = session_->store();
    const std::string original = "HEIC original " + std::string(90000, 'o');
    const std::string smaller = "\xff\xd8\xff smaller jpeg " + std::string(9000, 's');
    std::istringstream originalInput(original);
    auto photo = store.attachments().add(id, originalInput, "IMG_0042.HEIC", "image/heic", 1 << 20);
    ASSERT_TRUE(photo.ok());
    std::istringstream smallerInput(smaller);
    ASSERT_TRUE(
        store.attachments().addReducedCopy(photo->id, smallerInput, "image/jpeg", 1 << 20).ok());

    auto envelope = finalizeDraft(*session_, root_ / "data", id, *call_, {recipient_});
    ASSERT_TRUE(envelope.ok());
    const auto unpacked = root_ / "unpacked";
    ASSERT_TRUE(test_support::extractWithAge(root_ / "secretariat.key", envelope->path, unpacked));

    const auto json = nlohmann::json::parse(readAll(unpacked / "submission.json"));
    const auto& attachments = json.at("attachments");
    ASSERT_EQ(attachments.size(), 2u);
    const auto& sent = attachments.at(1);
    EXPECT_EQ(sent.at("name"), "IMG_0042.jpg");
    EXPECT_EQ(sent.at("media_type"), "image/jpeg");
    EXPECT_EQ(sent.at("size"), smaller.size());
    EXPECT_EQ(sent.at("sha256"), crypto::toHex(crypto::Sha256::digest(smaller)));
    EXPECT_EQ(readAll(unpacked / sent.at("path").get<std::string>()), smaller);
    const auto& other = attachments.at(0);
    EXPECT_EQ(other.at("name"), "photo.jpg");
    EXPECT_EQ(readAll(unpacked / other.at("path").get<std::string>()), std::string(70001, 'p'));
    for (const auto& entry : std::filesystem::recursive_directory_iterator(unpacked)) {
        if (entry.is_regular_file()) {
            EXPECT_EQ(readAll(entry.path()).find("HEIC original"), std::string::npos)
                << entry.path();
        }
    }
    // The vault keeps both: turning the choice off later would still have the original.
    auto kept = store.attachments().get(photo->id);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->size, original.size());
    ASSERT_TRUE(kept->reduced.has_value());
}

TEST_F(FinalizeDraft, TwiceIsRefusedAndNothingChanges)
{
    const auto id = completeDraft();
    auto first = finalizeDraft(*session_, root_ / "data", id, *call_, {recipient_});
    ASSERT_TRUE(first.ok());
    const std::string bytes = readAll(first->path);
    auto second = finalizeDraft(*session_, root_ / "data", id, *call_, {recipient_});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, FinalizeErrc::AlreadyFinalized);
    EXPECT_EQ(readAll(first->path), bytes);
}

TEST_F(FinalizeDraft, WithoutAPublicationChoiceNothingIsWritten)
{
    auto& store = session_->store();
    const auto id = store.drafts().create(call_->id).value();
    ASSERT_TRUE(store.drafts().saveAnswer(id, call_->questions.front().id, "text").ok());
    auto envelope = finalizeDraft(*session_, root_ / "data", id, *call_, {recipient_});
    ASSERT_FALSE(envelope.ok());
    EXPECT_EQ(envelope.error().code, FinalizeErrc::NoConsent);
    EXPECT_FALSE(store.outbox().entry(id).ok());
    EXPECT_FALSE(std::filesystem::exists(store::DataLayout::outboxDir(root_ / "data")) &&
                 !std::filesystem::is_empty(store::DataLayout::outboxDir(root_ / "data")));
}

TEST_F(FinalizeDraft, AnInvalidRecipientIsAPackageErrorAndLeavesNoEnvelope)
{
    const auto id = completeDraft();
    auto envelope = finalizeDraft(*session_, root_ / "data", id, *call_, {"age1notarecipient"});
    ASSERT_FALSE(envelope.ok());
    EXPECT_EQ(envelope.error().code, FinalizeErrc::Package);
    EXPECT_EQ(envelope.error().packageError.code, package::PackageErrc::InvalidRecipient);
    EXPECT_FALSE(session_->store().outbox().entry(id).ok());
}

} // namespace
} // namespace amicus::submission
