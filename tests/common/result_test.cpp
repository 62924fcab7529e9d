#include "common/result.h"

#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace {

enum class ParseError { Empty, NotANumber };

amicus::Result<int, ParseError> parseDigit(const std::string& text)
{
    if (text.empty()) {
        return amicus::fail(ParseError::Empty);
    }
    if (text.size() != 1 || text[0] < '0' || text[0] > '9') {
        return amicus::fail(ParseError::NotANumber);
    }
    return text[0] - '0';
}

TEST(Result, CarriesTheValueOnSuccess)
{
    const auto result = parseDigit("7");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(*result, 7);
}

TEST(Result, CarriesTheTypedErrorOnFailure)
{
    EXPECT_EQ(parseDigit("").error(), ParseError::Empty);
    EXPECT_EQ(parseDigit("x").error(), ParseError::NotANumber);
    EXPECT_FALSE(parseDigit("12"));
}

TEST(Result, MovesOutMoveOnlyValues)
{
    amicus::Result<std::unique_ptr<int>, ParseError> result(std::make_unique<int>(5));
    std::unique_ptr<int> taken = std::move(result).value();
    ASSERT_NE(taken, nullptr);
    EXPECT_EQ(*taken, 5);
}

TEST(Result, VoidResultIsOkUnlessFailed)
{
    amicus::Result<void, ParseError> fine;
    amicus::Result<void, ParseError> broken = amicus::fail(ParseError::Empty);
    EXPECT_TRUE(fine.ok());
    EXPECT_FALSE(broken.ok());
    EXPECT_EQ(broken.error(), ParseError::Empty);
}

} // namespace
