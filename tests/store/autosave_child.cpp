// A child process for the end-to-end tests: opens a data directory through VaultSession and
// autosaves without end, reporting each save that returned on stdout ("<index>\n"), so the
// parent can kill -9 it at any moment and check every reported save afterwards.
//
// usage: store_autosave_child DATA_DIR DRAFT_ID FIRST_INDEX [MARKER]
// The passphrase comes from AMICUS_PASSPHRASE. It first reports "unlocked". Save i writes answer
// "q<i>" with the text autosaveText(i, MARKER); every 4th save also writes the organization
// "org-<i>". With AMICUS_TOGGLE_ATTACHMENT=ID it instead flips that attachment's "send a
// smaller copy" choice: even saves store the copy smallerCopyText(i), odd ones remove it; it
// reports "-<i>" before save i starts, so the parent knows which saves may have happened.
#include "autosave_text.h"
#include "store/vault_session.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

bool report(const std::string& line)
{
    const std::string out = line + "\n";
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, out.data() + done, out.size() - done);
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s DATA_DIR DRAFT_ID FIRST_INDEX [MARKER]\n", argv[0]);
        return 64;
    }
    const char* passphrase = std::getenv("AMICUS_PASSPHRASE");
    if (passphrase == nullptr) {
        std::fprintf(stderr, "AMICUS_PASSPHRASE is not set\n");
        return 64;
    }
    const std::int64_t draftId = std::atoll(argv[2]);
    std::int64_t index = std::atoll(argv[3]);
    const std::string marker = argc > 4 ? argv[4] : "";
    // The vault is unlocked apart from the store, so the parent can aim its kills after the
    // unlock: a kill during an unlock counts as a failed attempt (the vault's guard against
    // guessing by killing), which would rate-limit the next trial.
    namespace store = amicus::store;
    auto vault = amicus::crypto::Vault::open(store::DataLayout::vaultDir(argv[1]));
    if (!vault || !(*vault)->unlock(passphrase).ok()) {
        std::fprintf(stderr, "vault did not unlock\n");
        return 1;
    }
    if (!report("unlocked")) {
        return 1;
    }
    store::AgeBlobEncryptor blobs((*vault)->recipient());
    auto opened = store::VaultStore::open(store::DataLayout::storePaths(argv[1]),
                                          (*vault)->fieldSealer(), blobs);
    if (!opened) {
        std::fprintf(stderr, "open: %s: %s\n", store::errcName(opened.error().code),
                     opened.error().detail.c_str());
        return 1;
    }
    auto& drafts = *opened;
    if (const char* toggle = std::getenv("AMICUS_TOGGLE_ATTACHMENT"); toggle != nullptr) {
        const std::int64_t attachmentId = std::atoll(toggle);
        for (;; ++index) {
            if (!report("-" + std::to_string(index))) {
                return 1;
            }
            bool saved = false;
            if (index % 2 == 0) {
                std::istringstream copy(amicus::store::testing::smallerCopyText(index));
                saved = drafts.attachments()
                            .addReducedCopy(attachmentId, copy, "image/jpeg", 1 << 20)
                            .ok();
            } else {
                saved = drafts.attachments().removeReducedCopy(attachmentId).ok();
            }
            if (!saved || !report(std::to_string(index))) {
                return 1;
            }
        }
    }
    for (;; ++index) {
        auto saved =
            drafts.drafts().saveAnswer(draftId, "q" + std::to_string(index),
                                       amicus::store::testing::autosaveText(index, marker));
        if (!saved) {
            std::fprintf(stderr, "save %lld: %s\n", static_cast<long long>(index),
                         saved.error().detail.c_str());
            return 1;
        }
        if (index % 4 == 0) {
            auto org = drafts.drafts().saveField(draftId, amicus::store::DraftField::Organization,
                                                 "org-" + std::to_string(index) + marker);
            if (!org) {
                return 1;
            }
        }
        if (!report(std::to_string(index))) {
            return 1;
        }
    }
}
