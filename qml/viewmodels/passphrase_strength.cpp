#include "passphrase_strength.h"

#include <QRegularExpression>
#include <cmath>

namespace amicus::app {

Strength estimatePassphraseStrength(const QString& passphrase)
{
    if (passphrase.size() < minimumPassphraseLength) {
        return Strength::TooShort;
    }
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool symbol = false;
    bool other = false;
    for (const QChar c : passphrase) {
        if (c.unicode() > 0x7f) {
            other = true;
        } else if (c.isLower()) {
            lower = true;
        } else if (c.isUpper()) {
            upper = true;
        } else if (c.isDigit()) {
            digit = true;
        } else {
            symbol = true;
        }
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) +
                     (other ? 100 : 0);
    // Repeated characters ("aaaaaaaa") add little: count distinct ones for the length.
    QString distinct;
    for (const QChar c : passphrase) {
        if (!distinct.contains(c)) {
            distinct.append(c);
        }
    }
    const double effectiveLength = std::min<double>(passphrase.size(), distinct.size() * 2.0);
    double bits = effectiveLength * std::log2(std::max(pool, 2));
    const auto words =
        passphrase.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.size() >= 4) {
        bits += 10; // a passphrase of several words resists dictionary attacks better
    }
    if (bits < 40) {
        return Strength::Weak;
    }
    if (bits < 60) {
        return Strength::Fair;
    }
    if (bits < 80) {
        return Strength::Good;
    }
    return Strength::Strong;
}

} // namespace amicus::app
