#include "calls/age_recipient.h"

#include "crypto/age_keys.h"

namespace amicus::calls {

std::optional<std::array<std::uint8_t, 32>> decodeAgeRecipient(std::string_view recipient)
{
    auto parsed = crypto::X25519Recipient::parse(recipient);
    if (!parsed) {
        return std::nullopt;
    }
    return parsed->raw();
}

} // namespace amicus::calls
