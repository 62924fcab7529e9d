// Shared plumbing of the amicus-intake commands: option parsing in age's style (the parser
// amicusctl uses too, tools/common), input and output streams (files or stdin/stdout), error
// messages.
#pragma once

#include "cli_args.h"
#include "crypto/byte_stream.h"

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace amicus::intake {

// Prints "amicus-intake: error: MESSAGE" on stderr.
void reportError(const std::string& message);

using cli::ParsedArgs;

// Parses `args` (cli::parseArgs); `withValue` lists options taking a value ("-o", "--output"),
// `aliases` maps long names to short ones. Returns nullopt (after reporting) on an unknown
// option or a missing value.
[[nodiscard]] std::optional<ParsedArgs>
parseArgs(std::span<const std::string> args, const std::vector<std::string>& withValue,
          const std::vector<std::string>& flags, const std::map<std::string, std::string>& aliases);

// Opens IN, or stdin when absent or "-".
[[nodiscard]] std::unique_ptr<crypto::ByteSource> openInput(const std::optional<std::string>& path);

// The output: a file created (0600) only when the result is ready to be written, or stdout.
// A failed command calls discard(), which deletes a partial file, like age does.
class Output {
public:
    explicit Output(std::optional<std::string> path) : path_(std::move(path)) {}
    // Creates the file or checks stdout; `binary` refuses to write binary to a terminal.
    [[nodiscard]] bool open(bool binary);
    [[nodiscard]] crypto::ByteSink& sink() { return *sink_; }
    void discard();

private:
    std::optional<std::string> path_;
    std::unique_ptr<crypto::ByteSink> sink_;
};

// Reads a whole (small) file, or stdin for "-".
[[nodiscard]] std::optional<std::string> readSmallFile(const std::string& path);

} // namespace amicus::intake
