// RFC 3339 date-times as the catalog writes them (issued_at, deadline).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace amicus::calls {

// Seconds since the epoch of an RFC 3339 date-time with a mandatory offset ("Z" or ±hh:mm);
// nullopt for anything else, including dates the calendar does not have. Fractional seconds
// are accepted and dropped; a leap second (:60) counts as the next second's start.
[[nodiscard]] std::optional<std::int64_t> parseRfc3339(std::string_view text);

} // namespace amicus::calls
