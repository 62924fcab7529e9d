#include "cli_args.h"
#include "command_table.h"

#include <gtest/gtest.h>
#include <sstream>

namespace amicus::cli {
namespace {

const OptionSpec kSpec{{"-o", "--days"}, {"-a"}, {{"--output", "-o"}}};

Result<ParsedArgs, ArgsError> parse(std::vector<std::string> args)
{
    return parseArgs(args, kSpec);
}

TEST(CliArgs, SortsValuesFlagsAndPositionalsAndFollowsAliases)
{
    const auto parsed = parse({"in.age", "-o", "first", "-a", "--output=second", "--days", "3"});
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->all("-o"), (std::vector<std::string>{"first", "second"}));
    EXPECT_EQ(parsed->last("-o"), "second");
    EXPECT_EQ(parsed->last("--days"), "3");
    EXPECT_TRUE(parsed->has("-a"));
    EXPECT_FALSE(parsed->has("-o"));
    EXPECT_EQ(parsed->positionals, (std::vector<std::string>{"in.age"}));
    EXPECT_EQ(parsed->last("--output"), std::nullopt); // keyed by the name it maps to
    EXPECT_TRUE(parsed->all("--days").size() == 1);
}

TEST(CliArgs, DashIsAPositionalAndDoubleDashEndsTheOptions)
{
    const auto parsed = parse({"-", "--", "-o", "--days"});
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->positionals, (std::vector<std::string>{"-", "-o", "--days"}));
    EXPECT_TRUE(parsed->values.empty());
}

TEST(CliArgs, AnUnknownOptionOrAMissingValueIsTyped)
{
    const auto unknown = parse({"--nope"});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, ArgsError::Kind::UnknownOption);
    EXPECT_EQ(unknown.error().message, "unknown option --nope");
    const auto missing = parse({"x", "--output"});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ArgsError::Kind::MissingValue);
    EXPECT_EQ(missing.error().option, "-o");
    // A flag takes no value, and a short option no inline one.
    EXPECT_FALSE(parse({"-a=1"}).ok());
    EXPECT_FALSE(parseArgs(std::vector<std::string>{"-a", "x"}, OptionSpec{}).ok());
}

TEST(CliArgs, CountsAreDecimalDigitsOnly)
{
    EXPECT_EQ(parseCount("0"), 0U);
    EXPECT_EQ(parseCount("18446744073709551615"), UINT64_MAX);
    for (const char* refused : {"", "-1", "+1", " 1", "1 ", "1x", "0x10", "18446744073709551616"}) {
        EXPECT_EQ(parseCount(refused), std::nullopt) << refused;
    }
}

int runNothing(int)
{
    return 0;
}

TEST(CommandTable, FindsByNameAndListsUsageUnderSummary)
{
    using TestCommand = Command<int (*)(int)>;
    const TestCommand table[] = {{"init", "DIR", "make keys", runNothing},
                                 {"list", "", "one line each", runNothing}};
    const std::span<const TestCommand> commands(table);
    ASSERT_NE(findCommand(commands, "list"), nullptr);
    EXPECT_EQ(findCommand(commands, "list")->summary, "one line each");
    EXPECT_EQ(findCommand(commands, "lis"), nullptr);
    std::ostringstream out;
    printCommandList(out, commands);
    EXPECT_EQ(out.str(), "  init DIR\n      make keys\n  list\n      one line each\n");
}

} // namespace
} // namespace amicus::cli
