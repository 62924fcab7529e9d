// `amicusctl export ID [--attachments-dir DIR]`: prints a draft as JSON on stdout (format in
// README.md), optionally decrypting its attachments into DIR.
#include "commands.h"
#include "draft_json.h"

#include <filesystem>
#include <iostream>

namespace amicus::amicusctl {

namespace {

// A file name that stays inside the target directory whatever the user called the file.
std::string safeName(const store::AttachmentInfo& attachment)
{
    std::string name = std::filesystem::path(attachment.fileName).filename().string();
    for (char& c : name) {
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
            c = '_';
        }
    }
    if (name.empty() || name == "." || name == "..") {
        name = "attachment";
    }
    return std::to_string(attachment.id) + "-" + name;
}

} // namespace

int runExport(const Invocation& invocation)
{
    int exitCode = exitOk;
    auto command = openDraftCommand(invocation, {"--attachments-dir"}, exitCode);
    if (!command) {
        return exitCode;
    }
    std::optional<std::filesystem::path> attachmentsDir;
    if (const auto dir = command->args.last("--attachments-dir")) {
        attachmentsDir = *dir;
    }
    auto& session = command->session;
    const store::Draft& draft = command->draft;
    auto document = draftToJson(draft);
    if (attachmentsDir) {
        // Decrypted copies leave the vault on purpose here: the user asked for them, outside
        // the data directory.
        std::error_code ec;
        std::filesystem::create_directories(*attachmentsDir, ec);
        for (std::size_t i = 0; i < draft.attachments.size(); ++i) {
            const auto& attachment = draft.attachments[i];
            const auto target = *attachmentsDir / safeName(attachment);
            auto file = crypto::FileSink::create(target.string());
            if (!file) {
                return reportError(
                    store::StoreError{store::StoreErrc::Io, "cannot create " + target.string()});
            }
            auto decrypted =
                session->store().attachments().decrypt(attachment, *session->identity(), **file);
            if (!decrypted) {
                file->reset();
                std::filesystem::remove(target, ec);
                return reportError(decrypted.error());
            }
            document["attachments"][i]["path"] = target.string();
        }
    }
    std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return exitOk;
}

} // namespace amicus::amicusctl
