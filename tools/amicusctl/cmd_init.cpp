// `amicusctl init`: creates the vault and the empty database in the data directory.
#include "commands.h"
#include "vault_key_store.h"

#include <iostream>

namespace amicus::amicusctl {

int runInit(const Invocation& invocation)
{
    const auto parsed = parseCommandArgs(invocation, {"--scrypt-work-factor"});
    if (!parsed) {
        return exitUsage;
    }
    if (!parsed->positionals.empty()) {
        return reportUsage("init: unexpected argument `" + parsed->positionals.front() + "`");
    }
    crypto::VaultOptions options = vaultOptions(); // this OS's key store, as the app's
    if (const auto text = parsed->last("--scrypt-work-factor")) {
        // For tests and benchmarks only: the default calibrates to ~1 s per unlock.
        const auto factor = parseCount(*text);
        if (!factor || *factor < 1 || *factor > crypto::ageMaxScryptWorkFactor) {
            return reportUsage("--scrypt-work-factor takes 1.." +
                               std::to_string(crypto::ageMaxScryptWorkFactor));
        }
        options.scryptWorkFactor = static_cast<unsigned>(*factor);
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
