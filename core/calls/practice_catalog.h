// A catalog's calls re-issued as clearly labelled practice calls: what the demo secretariat
// (scripts/run.sh) serves and what tests that send use, since the seed call itself is closed.
#pragma once

#include "calls/catalog_parser.h"
#include "common/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace amicus::calls {

struct PracticeOptions {
    std::uint64_t sequence = 1;
    std::int64_t issuedAtUnixSeconds = 0;
    std::int64_t deadlineUnixSeconds = 0;
};

// Every call of `catalogBytes` becomes open, without published inputs or a contact (practice
// submissions must never be mailed to the real secretariat), with the given deadline, and with
// "Practice call" before its title and a summary saying what it is, in en/fr/es. The result is
// checked by parseCatalog; the input's own errors are returned as they are.
[[nodiscard]] Result<std::string, CatalogError> practiceCatalogJson(std::string_view catalogBytes,
                                                                    const PracticeOptions& options);

// The built-in catalog re-issued for practice with a deadline `daysAhead` days after
// `nowUnixSeconds`, parsed.
[[nodiscard]] Catalog builtinPracticeCatalog(std::int64_t nowUnixSeconds, int daysAhead = 28);

// "2026-12-07T03:00:00Z" for a time in seconds since the epoch.
[[nodiscard]] std::string rfc3339Utc(std::int64_t unixSeconds);

} // namespace amicus::calls
