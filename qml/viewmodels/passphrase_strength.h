// PassphraseStrength: a rough hint of how hard a passphrase is to guess, for the set-up screen.
#pragma once

#include <QString>

namespace amicus::app {

// Shorter passphrases are refused: the vault's only protection on a seized phone is the
// passphrase under scrypt.
inline constexpr int minimumPassphraseLength = 8;

enum class Strength { TooShort = 0, Weak = 1, Fair = 2, Good = 3, Strong = 4 };

// Estimates guessing work from length and the kinds of characters used; several words count
// for more than one. A hint for the user, not a security guarantee.
[[nodiscard]] Strength estimatePassphraseStrength(const QString& passphrase);

} // namespace amicus::app
