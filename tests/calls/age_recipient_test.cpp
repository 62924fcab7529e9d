// decodeAgeRecipient against recipients made by the real age-keygen, and single-character
// corruptions of them (which Bech32 is guaranteed to detect).
#include "calls/age_recipient.h"

#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <string>

namespace amicus::calls {
namespace {

// Runs `age-keygen | age-keygen -y` and returns the recipient it prints.
std::string recipientFromAgeKeygen()
{
    std::FILE* pipe = popen("age-keygen 2>/dev/null | age-keygen -y", "r");
    if (pipe == nullptr) {
        return {};
    }
    std::array<char, 256> buffer{};
    std::string output;
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
        output += buffer.data();
    }
    pclose(pipe);
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) {
        output.pop_back();
    }
    return output;
}

TEST(AgeRecipient, DecodesRecipientsMadeByAgeKeygen)
{
    for (int i = 0; i < 5; ++i) {
        const std::string recipient = recipientFromAgeKeygen();
        ASSERT_EQ(recipient.rfind("age1", 0), 0u) << "age-keygen is needed: " << recipient;
        const auto key = decodeAgeRecipient(recipient);
        ASSERT_TRUE(key.has_value()) << recipient;
        EXPECT_NE(*key, (std::array<std::uint8_t, 32>{}));
    }
}

TEST(AgeRecipient, RefusesEverySingleCharacterCorruption)
{
    const std::string recipient = recipientFromAgeKeygen();
    ASSERT_TRUE(decodeAgeRecipient(recipient).has_value());
    const std::string alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    for (std::size_t position = 4; position < recipient.size(); ++position) {
        for (char replacement : alphabet) {
            if (replacement == recipient[position]) {
                continue;
            }
            std::string corrupted = recipient;
            corrupted[position] = replacement;
            EXPECT_FALSE(decodeAgeRecipient(corrupted).has_value()) << corrupted;
        }
    }
}

TEST(AgeRecipient, RefusesWrongShapes)
{
    const std::string recipient = recipientFromAgeKeygen();
    EXPECT_FALSE(decodeAgeRecipient(recipient + "q").has_value());
    EXPECT_FALSE(decodeAgeRecipient(recipient.substr(0, recipient.size() - 1)).has_value());
    EXPECT_FALSE(decodeAgeRecipient("AGE1" + recipient.substr(4)).has_value()); // mixed case
    EXPECT_FALSE(decodeAgeRecipient("").has_value());
    EXPECT_FALSE(decodeAgeRecipient("age1").has_value());
    EXPECT_FALSE(decodeAgeRecipient(std::string("age1\0", 5) + recipient.substr(5)).has_value());
}

} // namespace
} // namespace amicus::calls
