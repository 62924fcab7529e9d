// `amicus-intake publish OUT_DIR -o PUBLIC_DIR [--catalog CATALOG.json]`: the publishable set
// of what `inbox` unpacked. Only submissions whose consent is "public" or "anonymous" are
// rendered, each as one OpenDocument Text file `<id>.odt` (the shared ReadableLayout, see
// core/package/readable_layout.h), listed in an escaped index.html; a public one with its
// attachments copied to `<id>/attachments/` but never its contact address; an anonymous one
// without the submitter block (nor an author in the document's metadata) and without its
// attachments, whose files may name their author; confidential ones never. PUBLIC_DIR is rebuilt
// from scratch each time (built aside, then swapped in), so a submission whose folder is gone or
// whose consent no longer allows it cannot linger there.
#include "calls/builtin_catalog.h"
#include "calls/catalog_parser.h"
#include "cli_support.h"
#include "command.h"
#include "file_io.h"
#include "odt_writer.h"
#include "package/printable_text.h"
#include "package/readable_layout.h"
#include "publish_html.h"
#include "submission_folder.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace amicus::intake {

namespace {

namespace fs = std::filesystem;

// Marks a directory publish made, so it only ever replaces its own output.
constexpr std::string_view markerName = ".amicus-public";

constexpr std::string_view usage =
    "usage: amicus-intake publish OUT_DIR -o PUBLIC_DIR [--catalog CATALOG.json]\n"
    "exit: 0 done, 1 some submission folders could not be read (left out), 2 usage, 3 fatal\n";

// A 64-digit lower- or upper-case hex SHA-256.
std::optional<std::array<std::uint8_t, 32>> parseSha256(std::string_view hex)
{
    std::array<std::uint8_t, 32> digest{};
    if (hex.size() != digest.size() * 2) {
        return std::nullopt;
    }
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    };
    for (std::size_t i = 0; i < digest.size(); ++i) {
        const int high = nibble(hex[2 * i]);
        const int low = nibble(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        digest[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return digest;
}

// submission.json's "YYYY-MM-DDTHH:MM:SSZ" as a time point, if it is one.
std::optional<std::chrono::system_clock::time_point> parseUtc(const std::string& text)
{
    std::tm tm{};
    char zone = 0;
    if (text.size() != 20 ||
        std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &zone) != 7 ||
        zone != 'Z') {
        return std::nullopt;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::time_t seconds = ::timegm(&tm);
    if (seconds == static_cast<std::time_t>(-1)) {
        return std::nullopt;
    }
    return std::chrono::system_clock::from_time_t(seconds);
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

// Looks up a question's text in the submission's language; empty when unknown.
using QuestionText = std::function<std::string(
    const std::string& callId, const std::string& questionId, const std::string& language)>;

// An attachment copied into the publishable set: its file name there, its record, its digest.
struct PublishedAttachment {
    std::string fileName;
    const FolderAttachment* record = nullptr;
    std::array<std::uint8_t, 32> sha256{};
};

// What a person reads in the published document of `folder`: the shared layout with the
// question texts of the catalog, never the contact address; for an anonymous submission no
// submitter block and no attachment names (a note says they are not reproduced), for a
// public one the attachments that were published.
package::ReadableLayout layoutOf(const SubmissionFolder& folder, bool anonymous,
                                 const std::vector<PublishedAttachment>& attachments,
                                 const QuestionText& questionText)
{
    package::SubmissionPackage submission;
    submission.callId = folder.callId;
    submission.submissionId = folder.submissionId;
    submission.language = folder.language;
    submission.consent =
        anonymous ? package::PublicationConsent::Anonymous : package::PublicationConsent::Public;
    if (!anonymous) {
        submission.submitter.organization = folder.organization;
        submission.submitter.organizationKind = folder.organizationKind;
        submission.submitter.country = folder.country;
    }
    // The document shows when the submission was made; an unreadable date shows the epoch
    // rather than the time of publishing, which would look plausible and be wrong.
    submission.createdAt =
        parseUtc(folder.createdAt).value_or(std::chrono::system_clock::time_point{});
    for (const auto& [questionId, text] : folder.answers) {
        submission.answers.push_back(
            {questionId, questionText(folder.callId, questionId, folder.language), text});
    }
    std::vector<std::string> names;
    if (anonymous) {
        // Counted only, so the document can say attachments exist but are not reproduced.
        submission.attachments.resize(folder.attachments.size());
    } else {
        for (const PublishedAttachment& attachment : attachments) {
            package::PackageAttachment listed;
            listed.fileName = attachment.record->name;
            listed.mediaType = attachment.record->mediaType;
            listed.size = attachment.record->size;
            listed.sha256 = attachment.sha256;
            submission.attachments.push_back(std::move(listed));
            names.push_back(attachment.fileName);
        }
    }
    package::LayoutOptions options;
    options.includeSubmitter = !anonymous;
    options.includeContact = false;
    options.includeAttachments = !anonymous;
    return package::layoutSubmission(submission, names, options);
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
        (void)std::fprintf(stderr, "amicus-intake: left out %s: %s\n",
                           package::printableText(path.string(), 400).c_str(),
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
        // A public submission's attachments go beside its document, each checked first; the
        // document lists only those that were published.
        std::vector<PublishedAttachment> publishedAttachments;
        if (!entry.anonymous && !folder.attachments.empty()) {
            const fs::path submissionDir = building / folder.submissionId;
            const fs::path attachmentsDir = submissionDir / "attachments";
            if (::mkdir(submissionDir.c_str(), 0755) != 0 ||
                ::mkdir(attachmentsDir.c_str(), 0755) != 0) {
                return abandon("cannot create " + attachmentsDir.string() + ": " +
                               std::strerror(errno));
            }
            for (const FolderAttachment& attachment : folder.attachments) {
                const auto source = attachmentFile(folder, attachment);
                const auto digest = parseSha256(attachment.sha256Hex);
                if (!source || !digest) {
                    // The path is the sender's: printed without controls.
                    (void)std::fprintf(stderr, "amicus-intake: %s: attachment %s left out (%s)\n",
                                       folder.submissionId.c_str(),
                                       package::printableText(attachment.path).c_str(),
                                       source ? "no valid SHA-256 in submission.json"
                                              : "not a file in the folder");
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
                const std::string fileName = source->filename().string();
                entry.attachmentLinks.emplace_back(folder.submissionId + "/attachments/" + fileName,
                                                   attachment.name.empty() ? fileName
                                                                           : attachment.name);
                publishedAttachments.push_back({fileName, &attachment, *digest});
            }
            if (publishedAttachments.empty()) {
                fs::remove_all(submissionDir, error);
            }
        }
        const package::ReadableLayout layout =
            layoutOf(folder, entry.anonymous, publishedAttachments, questionText);
        OdtMetadata metadata;
        metadata.author = entry.anonymous ? std::string() : folder.organization;
        metadata.created = folder.createdAt;
        metadata.modified = folder.receivedAt;
        metadata.subject = folder.callId;
        const fs::path document = building / documentFileName(folder);
        if (auto written = writeOdt(layout, metadata, document); !written) {
            return abandon(written.error().detail);
        }
        (entry.anonymous ? anonymousCount : publicCount) += 1;
        published.push_back(std::move(entry));
    }
    if (!writeFileSynced(building / "index.html", renderIndexPage(published), 0644, true) ||
        !writeFileSynced(building / markerName,
                         "made by amicus-intake publish; replaced on each run\n", 0644, true)) {
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
