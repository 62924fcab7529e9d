#include "cli_support.h"

#include "diagnostics.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace amicus::intake {

void reportError(const std::string& message)
{
    cli::printDiagnostic("amicus-intake", "error: " + message);
}

std::optional<ParsedArgs> parseArgs(std::span<const std::string> args,
                                    const std::vector<std::string>& withValue,
                                    const std::vector<std::string>& flags,
                                    const std::map<std::string, std::string>& aliases)
{
    auto parsed = cli::parseArgs(args, {withValue, flags, aliases});
    if (!parsed) {
        reportError(parsed.error().message);
        return std::nullopt;
    }
    return std::move(parsed).value();
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
