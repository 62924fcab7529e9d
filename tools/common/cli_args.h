// The command-line arguments of amicusctl and amicus-intake, parsed one way: options that take
// a value (possibly repeated), flags and positionals, in age's style ("-o FILE", "--output=FILE",
// "--" ends the options, "-" is a positional: standard input or output).
#pragma once

#include "common/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace amicus::cli {

struct ParsedArgs {
    std::map<std::string, std::vector<std::string>> values;
    std::vector<std::string> flags;
    std::vector<std::string> positionals;
    [[nodiscard]] bool has(const std::string& flag) const;
    // The last value given to `option`, nullopt when it was not given.
    [[nodiscard]] std::optional<std::string> last(const std::string& option) const;
    // Every value given to `option`, in order.
    [[nodiscard]] std::vector<std::string> all(const std::string& option) const;
};

// Which options a command knows. An alias maps another name to one of these ("--output" to
// "-o"); results are keyed by the name it maps to.
struct OptionSpec {
    std::vector<std::string> withValue;
    std::vector<std::string> flags;
    std::map<std::string, std::string> aliases;
};

// Why the arguments were refused; `message` says it for the user ("unknown option --x").
struct ArgsError {
    enum class Kind { UnknownOption, MissingValue } kind = Kind::UnknownOption;
    std::string option;
    std::string message;
};

[[nodiscard]] Result<ParsedArgs, ArgsError> parseArgs(std::span<const std::string> args,
                                                      const OptionSpec& spec);

// A non-negative decimal integer; nullopt when `text` is anything else (sign, space, overflow).
[[nodiscard]] std::optional<std::uint64_t> parseCount(const std::string& text);

} // namespace amicus::cli
