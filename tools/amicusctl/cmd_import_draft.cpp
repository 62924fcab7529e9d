// `amicusctl import-draft FILE.json`: stores a whole draft (fields, answers, attachments).
#include "calls/builtin_catalog.h"
#include "commands.h"
#include "draft_json.h"

#include <fstream>
#include <iostream>

namespace amicus::amicusctl {

namespace {

// Used when the call is not in the built-in catalog and no limit is given.
constexpr std::uint64_t kFallbackAttachmentLimit = 25ull << 20;

std::uint64_t attachmentLimitFor(const std::string& callId)
{
    auto call = calls::builtinCatalog().call(callId);
    if (call && (*call)->limits.bytesPerAttachment > 0) {
        return (*call)->limits.bytesPerAttachment;
    }
    return kFallbackAttachmentLimit;
}

} // namespace

int runImportDraft(const Invocation& invocation)
{
    const auto parsed = parseCommandArgs(invocation, {"--max-attachment-bytes"});
    if (!parsed) {
        return exitUsage;
    }
    if (parsed->positionals.empty()) {
        return reportUsage("import-draft needs FILE.json");
    }
    if (parsed->positionals.size() > 1) {
        return reportUsage("import-draft: unexpected argument `" + parsed->positionals[1] + "`");
    }
    const std::filesystem::path file = parsed->positionals.front();
    std::optional<std::uint64_t> limit;
    if (const auto text = parsed->last("--max-attachment-bytes")) {
        limit = parseCount(*text);
        if (!limit) {
            return reportUsage("--max-attachment-bytes takes a byte count");
        }
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return reportBadInput("cannot read " + file.string());
    }
    const auto document = nlohmann::json::parse(in, nullptr, false);
    if (document.is_discarded()) {
        return reportBadInput(file.string() + " is not valid JSON");
    }
    std::string problem;
    auto draft = parseDraftImport(document, std::filesystem::absolute(file).parent_path(), problem);
    if (!draft) {
        return reportBadInput(problem);
    }
    for (const auto& attachment : draft->attachments) {
        if (!std::filesystem::is_regular_file(attachment.path)) {
            return reportBadInput("attachment not found: " + attachment.path.string());
        }
    }

    int exitCode = exitOk;
    auto session = openSession(invocation, exitCode);
    if (!session) {
        return exitCode;
    }
    store::VaultStore& store = session->store();
    auto id = store.drafts().create(draft->callId);
    if (!id) {
        return reportError(id.error());
    }
    // All or nothing: a draft that could not be imported whole is removed again.
    auto abandon = [&](const store::StoreError& error) {
        (void)store.drafts().remove(*id);
        return reportError(error);
    };
    if (draft->language) {
        auto saved = store.drafts().saveField(*id, store::DraftField::Language, *draft->language);
        if (!saved) {
            return abandon(saved.error());
        }
    }
    for (const auto& [field, value] : draft->fields) {
        auto saved = store.drafts().saveField(*id, field, value);
        if (!saved) {
            return abandon(saved.error());
        }
    }
    for (const auto& [question, text] : draft->answers) {
        auto saved = store.drafts().saveAnswer(*id, question, text);
        if (!saved) {
            return abandon(saved.error());
        }
    }
    const std::uint64_t maxBytes = limit.value_or(attachmentLimitFor(draft->callId));
    for (const auto& attachment : draft->attachments) {
        auto imported = store.attachments().addFile(*id, attachment.path, attachment.fileName,
                                                    attachment.mediaType, maxBytes);
        if (!imported) {
            return abandon(imported.error());
        }
    }
    std::cout << *id << "\n";
    return exitOk;
}

} // namespace amicus::amicusctl
