// `amicus-intake publish OUT_DIR -o PUBLIC_DIR [--catalog CATALOG.json]`: the publishable set
// of what `inbox` unpacked. Only submissions whose consent is "public" or "anonymous" are
// rendered (self-contained, escaped HTML, one page per submission, plus index.html); an
// anonymous one without the submitter block and without its attachments, whose files may
// name their author; confidential ones never. PUBLIC_DIR is rebuilt from scratch each time
// (built aside, then swapped in), so a submission whose folder is gone or whose consent no
// longer allows it cannot linger there.
#include "calls/builtin_catalog.h"
#include "calls/catalog_parser.h"
#include "cli_support.h"
#include "command.h"
#include "publish_html.h"
#include "submission_folder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::intake {

namespace {

namespace fs = std::filesystem;

constexpr int exitAllGood = 0;
constexpr int exitSomeSkipped = 1;
constexpr int exitUsage = 2;
constexpr int exitFatal = 3;

// Marks a directory publish made, so it only ever replaces its own output.
constexpr std::string_view markerName = ".amicus-public";

constexpr std::string_view usage =
    "usage: amicus-intake publish OUT_DIR -o PUBLIC_DIR [--catalog CATALOG.json]\n"
    "exit: 0 done, 1 some submission folders could not be read (left out), 2 usage, 3 fatal\n";

bool writeFile(const fs::path& path, std::string_view text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        return false;
    }
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno != EINTR) {
            ok = false;
        } else if (n > 0) {
            done += static_cast<std::size_t>(n);
        }
    }
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The attachment's file inside the submission folder, only if it stays inside it and is a
// regular file (the folder came from PackageReader, but publish trusts nothing it reads).
std::optional<fs::path> attachmentFile(const SubmissionFolder& folder,
                                       const FolderAttachment& attachment)
{
    const fs::path relative(attachment.path);
    if (relative.is_absolute() || relative.begin() == relative.end() ||
        *relative.begin() != "attachments" ||
        std::distance(relative.begin(), relative.end()) != 2 || relative.filename() == ".." ||
        relative.filename() == ".") {
        return std::nullopt;
    }
    const fs::path file = folder.directory / relative;
    std::error_code error;
    if (fs::symlink_status(file, error).type() != fs::file_type::regular) {
        return std::nullopt;
    }
    return file;
}

bool isEmptyDirectory(const fs::path& dir)
{
    std::error_code error;
    return fs::is_directory(dir, error) && fs::is_empty(dir, error);
}

} // namespace

int runPublish(std::span<const std::string> args)
{
    auto parsed = parseArgs(args, {"-o", "--catalog"}, {}, {{"--output", "-o"}});
    if (!parsed) {
        return exitUsage;
    }
    const auto out = parsed->last("-o");
    if (parsed->positionals.size() != 1 || !out) {
        (void)std::fputs(usage.data(), stderr);
        return exitUsage;
    }
    const fs::path inboxDir = parsed->positionals[0];
    fs::path publicDir = fs::path(*out).lexically_normal();
    // "public/" names the same directory as "public"; the build and swap names sit beside it.
    while (!publicDir.has_filename() && publicDir.has_parent_path() &&
           publicDir != publicDir.parent_path()) {
        publicDir = publicDir.parent_path();
    }
    if (publicDir.empty() || publicDir == publicDir.root_path() || publicDir.filename() == "." ||
        publicDir.filename() == "..") {
        reportError("give PUBLIC_DIR as a directory name, e.g. -o public");
        return exitUsage;
    }
    std::error_code error;
    if (!fs::is_directory(inboxDir, error)) {
        reportError(inboxDir.string() + " is not a directory");
        return exitFatal;
    }

    // Question texts from the secretariat's catalog if given, else the built-in one.
    std::optional<calls::Catalog> ownCatalog;
    if (const auto catalogPath = parsed->last("--catalog")) {
        const auto bytes = readSmallFile(*catalogPath);
        if (!bytes) {
            return exitFatal;
        }
        auto catalog = calls::parseCatalog(*bytes);
        if (!catalog) {
            reportError(*catalogPath + " is not a valid catalog");
            return exitFatal;
        }
        ownCatalog = std::move(catalog).value();
    }
    const calls::Catalog& catalog = ownCatalog ? *ownCatalog : calls::builtinCatalog();
    const QuestionText questionText = [&catalog](const std::string& callId,
                                                 const std::string& questionId,
                                                 const std::string& language) -> std::string {
        const auto call = catalog.call(callId);
        if (!call) {
            return {};
        }
        const auto question = (*call)->question(questionId);
        return question ? (*question)->text.text(language) : std::string();
    };

    auto scan = scanSubmissionFolders(inboxDir);
    int exitCode = exitAllGood;
    for (const auto& [path, folderError] : scan.broken) {
        (void)std::fprintf(stderr, "amicus-intake: left out %s: %s\n", path.c_str(),
                           folderErrorName(folderError));
        exitCode = exitSomeSkipped;
    }

    if (fs::exists(publicDir, error) && !isEmptyDirectory(publicDir) &&
        !fs::exists(publicDir / markerName, error)) {
        reportError(publicDir.string() +
                    " exists and was not made by publish; choose an empty or new directory");
        return exitFatal;
    }
    const fs::path building = publicDir.string() + ".building-" + std::to_string(::getpid());
    fs::remove_all(building, error);
    if (::mkdir(building.c_str(), 0755) != 0) {
        reportError("cannot create " + building.string() + ": " + std::strerror(errno));
        return exitFatal;
    }
    auto abandon = [&building](const std::string& message) {
        reportError(message);
        std::error_code ignored;
        fs::remove_all(building, ignored);
        return exitFatal;
    };

    std::vector<PublishedSubmission> published;
    int publicCount = 0;
    int anonymousCount = 0;
    int withheld = 0;
    for (SubmissionFolder& folder : scan.submissions) {
        if (folder.consent != "public" && folder.consent != "anonymous") {
            ++withheld;
            continue;
        }
        PublishedSubmission entry;
        entry.folder = &folder;
        entry.anonymous = folder.consent == "anonymous";
        // Answers in the call's question order when the catalog knows the call.
        if (const auto call = catalog.call(folder.callId)) {
            auto rank = [&](const std::string& id) {
                const auto& questions = (*call)->questions;
                const auto found = std::find_if(questions.begin(), questions.end(),
                                                [&](const auto& q) { return q.id == id; });
                return std::distance(questions.begin(), found);
            };
            std::stable_sort(
                folder.answers.begin(), folder.answers.end(),
                [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
        }
        const fs::path pageDir = building / folder.submissionId;
        if (::mkdir(pageDir.c_str(), 0755) != 0) {
            return abandon("cannot create " + pageDir.string() + ": " + std::strerror(errno));
        }
        if (!entry.anonymous && !folder.attachments.empty()) {
            const fs::path attachmentsDir = pageDir / "attachments";
            if (::mkdir(attachmentsDir.c_str(), 0755) != 0) {
                return abandon("cannot create " + attachmentsDir.string());
            }
            for (const FolderAttachment& attachment : folder.attachments) {
                const auto source = attachmentFile(folder, attachment);
                if (!source) {
                    (void)std::fprintf(
                        stderr,
                        "amicus-intake: %s: attachment %s left out (not a file in the "
                        "folder)\n",
                        folder.submissionId.c_str(), attachment.path.c_str());
                    exitCode = exitSomeSkipped;
                    continue;
                }
                const fs::path target = attachmentsDir / source->filename();
                fs::copy_file(*source, target, fs::copy_options::none, error);
                if (error) {
                    return abandon("cannot copy " + source->string() + ": " + error.message());
                }
                fs::permissions(target,
                                fs::perms::owner_read | fs::perms::owner_write |
                                    fs::perms::group_read | fs::perms::others_read,
                                error);
                entry.attachmentLinks.emplace_back(
                    "attachments/" + source->filename().string(),
                    attachment.name.empty() ? source->filename().string() : attachment.name);
            }
        }
        if (!writeFile(pageDir / "index.html", renderSubmissionPage(entry, questionText))) {
            return abandon("cannot write " + (pageDir / "index.html").string());
        }
        (entry.anonymous ? anonymousCount : publicCount) += 1;
        published.push_back(std::move(entry));
    }
    if (!writeFile(building / "index.html", renderIndexPage(published)) ||
        !writeFile(building / markerName,
                   "made by amicus-intake publish; replaced on each run\n")) {
        return abandon("cannot write the index page");
    }

    // Swap the new tree in: the old one is moved aside first and removed after.
    const fs::path old = publicDir.string() + ".old-" + std::to_string(::getpid());
    const bool hadOld = fs::exists(publicDir, error);
    if (hadOld && std::rename(publicDir.c_str(), old.c_str()) != 0) {
        return abandon("cannot move the previous " + publicDir.string() +
                       " aside: " + std::strerror(errno));
    }
    if (std::rename(building.c_str(), publicDir.c_str()) != 0) {
        const int savedErrno = errno;
        if (hadOld) {
            (void)std::rename(old.c_str(), publicDir.c_str());
        }
        return abandon("cannot move the new tree to " + publicDir.string() + ": " +
                       std::strerror(savedErrno));
    }
    if (hadOld) {
        fs::remove_all(old, error);
    }
    (void)std::fprintf(stderr,
                       "publish: %d public, %d anonymous (without submitter or attachments), %d "
                       "confidential withheld; index: %s\n",
                       publicCount, anonymousCount, withheld, (publicDir / "index.html").c_str());
    return exitCode;
}

} // namespace amicus::intake
