#include "cli_args.h"

#include <algorithm>
#include <charconv>

namespace amicus::cli {

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

bool ParsedArgs::has(const std::string& flag) const
{
    return contains(flags, flag);
}

std::optional<std::string> ParsedArgs::last(const std::string& option) const
{
    auto it = values.find(option);
    if (it == values.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second.back();
}

std::vector<std::string> ParsedArgs::all(const std::string& option) const
{
    auto it = values.find(option);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs, ArgsError> parseArgs(std::span<const std::string> args, const OptionSpec& spec)
{
    ParsedArgs parsed;
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (onlyPositionals || arg == "-" || arg.empty() || arg[0] != '-') {
            parsed.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositionals = true;
            continue;
        }
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        if (auto alias = spec.aliases.find(arg); alias != spec.aliases.end()) {
            arg = alias->second;
        }
        if (contains(spec.withValue, arg)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    return fail(ArgsError{ArgsError::Kind::MissingValue, arg,
                                          "option " + arg + " needs a value"});
                }
                inlineValue = args[++i];
            }
            parsed.values[arg].push_back(*inlineValue);
        } else if (contains(spec.flags, arg) && !inlineValue) {
            parsed.flags.push_back(arg);
        } else {
            return fail(ArgsError{ArgsError::Kind::UnknownOption, arg, "unknown option " + arg});
        }
    }
    return parsed;
}

std::optional<std::uint64_t> parseCount(const std::string& text)
{
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

} // namespace amicus::cli
