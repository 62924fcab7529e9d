// `amicusctl init`: creates the vault and the empty database in the data directory.
#include "commands.h"

#include <iostream>

namespace amicus::amicusctl {

int runInit(const Invocation& invocation)
{
    crypto::VaultOptions options;
    for (std::size_t i = 0; i < invocation.args.size(); ++i) {
        const auto& arg = invocation.args[i];
        if (arg == "--scrypt-work-factor" && i + 1 < invocation.args.size()) {
            // For tests and benchmarks only: the default calibrates to ~1 s per unlock.
            const auto factor = parseCount(invocation.args[++i]);
            if (!factor || *factor < 1 || *factor > crypto::ageMaxScryptWorkFactor) {
                return reportUsage("--scrypt-work-factor takes 1.." +
                                   std::to_string(crypto::ageMaxScryptWorkFactor));
            }
            options.scryptWorkFactor = static_cast<unsigned>(*factor);
        } else {
            return reportUsage("init: unexpected argument `" + arg + "`");
        }
    }
    auto passphrase = readPassphrase(invocation);
    if (!passphrase) {
        return exitUsage;
    }
    if (passphrase->empty()) {
        return reportBadInput("the passphrase must not be empty");
    }
    auto session = store::VaultSession::create(invocation.dataDir, *passphrase, options);
    if (!session) {
        return reportError(session.error());
    }
    std::cout << "vault created in " << invocation.dataDir.string() << " (scrypt work factor "
              << (*session)->vault().workFactor() << ")\n";
    return exitOk;
}

} // namespace amicus::amicusctl
