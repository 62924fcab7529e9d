#include "cli_support.h"

#include "package/printable_text.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace amicus::intake {

void reportError(const std::string& message)
{
    // Messages may quote names from packages or the endpoint's store: no controls printed.
    std::fprintf(stderr, "amicus-intake: error: %s\n",
                 package::printableText(message, 2000).c_str());
}

bool ParsedArgs::has(const std::string& flag) const
{
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<std::string> ParsedArgs::last(const std::string& option) const
{
    auto it = values.find(option);
    if (it == values.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second.back();
}

std::optional<ParsedArgs> parseArgs(std::span<const std::string> args,
                                    const std::vector<std::string>& withValue,
                                    const std::vector<std::string>& flags,
                                    const std::map<std::string, std::string>& aliases)
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
        if (auto alias = aliases.find(arg); alias != aliases.end()) {
            arg = alias->second;
        }
        if (std::find(withValue.begin(), withValue.end(), arg) != withValue.end()) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    reportError("option " + arg + " needs a value");
                    return std::nullopt;
                }
                inlineValue = args[++i];
            }
            parsed.values[arg].push_back(*inlineValue);
        } else if (std::find(flags.begin(), flags.end(), arg) != flags.end() && !inlineValue) {
            parsed.flags.push_back(arg);
        } else {
            reportError("unknown option " + arg);
            return std::nullopt;
        }
    }
    return parsed;
}

std::unique_ptr<crypto::ByteSource> openInput(const std::optional<std::string>& path)
{
    if (!path || *path == "-") {
        return std::make_unique<crypto::FdSource>(STDIN_FILENO);
    }
    // A regular file is mapped (no copy on the way to the cipher); anything else is read.
    if (auto mapped = crypto::MappedFileSource::open(*path)) {
        return std::move(*mapped);
    }
    auto file = crypto::FileSource::open(*path);
    if (!file) {
        reportError("cannot open input: " + file.error().detail);
        return nullptr;
    }
    return std::move(*file);
}

bool Output::open(bool binary)
{
    if (!path_ || *path_ == "-") {
        if (binary && ::isatty(STDOUT_FILENO)) {
            reportError("refusing to write binary output to a terminal (use -o FILE)");
            return false;
        }
        sink_ = std::make_unique<crypto::FdSink>(STDOUT_FILENO);
        return true;
    }
    auto file = crypto::FileSink::create(*path_);
    if (!file) {
        reportError("cannot create output: " + file.error().detail);
        return false;
    }
    sink_ = std::move(*file);
    return true;
}

void Output::discard()
{
    if (path_ && *path_ != "-" && sink_) {
        sink_.reset();
        std::remove(path_->c_str());
    }
}

std::optional<std::string> readSmallFile(const std::string& path)
{
    std::ostringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
        return text.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        reportError("cannot read " + path);
        return std::nullopt;
    }
    text << in.rdbuf();
    return text.str();
}

} // namespace amicus::intake
