#include "calls/practice_catalog.h"

#include "calls/builtin_catalog.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace amicus::calls {
namespace {

using nlohmann::json;

// Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
void civilFromDays(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned shiftedMonth = (5 * dayOfYear + 2) / 153;
    day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
}

void prefixTitle(json& title, std::string_view language, std::string_view prefix)
{
    if (title.contains(language) && title[language].is_string()) {
        title[language] = std::string(prefix) + title[language].get<std::string>();
    }
}

} // namespace

std::string rfc3339Utc(std::int64_t unixSeconds)
{
    const std::int64_t days = (unixSeconds >= 0 ? unixSeconds : unixSeconds - 86399) / 86400;
    const std::int64_t secondsOfDay = unixSeconds - days * 86400;
    std::int64_t year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civilFromDays(days, year, month, day);
    char text[64];
    std::snprintf(
        text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(year),
        month, day, static_cast<long long>(secondsOfDay / 3600),
        static_cast<long long>(secondsOfDay / 60 % 60), static_cast<long long>(secondsOfDay % 60));
    return text;
}

Result<std::string, CatalogError> practiceCatalogJson(std::string_view catalogBytes,
                                                      const PracticeOptions& options)
{
    if (auto checked = parseCatalog(catalogBytes); !checked) {
        return fail(checked.error());
    }
    json document = json::parse(catalogBytes.begin(), catalogBytes.end());
    document["sequence"] = options.sequence;
    document["issued_at"] = rfc3339Utc(options.issuedAtUnixSeconds);
    for (json& call : document["calls"]) {
        call["status"] = "open";
        call.erase("inputs_published");
        call.erase("contact");
        call["deadline"] = rfc3339Utc(options.deadlineUnixSeconds);
        prefixTitle(call["title"], "en", "Practice call – ");
        prefixTitle(call["title"], "fr", "Appel d’essai – ");
        prefixTitle(call["title"], "es", "Convocatoria de práctica – ");
        call["summary"] = {
            {"en", "A practice copy of a closed call, for trying Amicus: what you send goes to "
                   "the demo secretariat only, never to the United Nations."},
            {"fr", "Copie d’essai d’un appel déjà clos, pour découvrir Amicus\u00a0: ce que "
                   "vous envoyez ne va qu’au secrétariat de démonstration, jamais à "
                   "l’Organisation des Nations Unies."},
            {"es", "Copia de práctica de una convocatoria ya cerrada, para probar Amicus: lo que "
                   "envíe solo llega a la secretaría de demostración, nunca a las Naciones "
                   "Unidas."}};
    }
    std::string bytes = document.dump(2, ' ', false);
    bytes += '\n';
    if (auto reparsed = parseCatalog(bytes); !reparsed) {
        return fail(reparsed.error());
    }
    return bytes;
}

Catalog builtinPracticeCatalog(std::int64_t nowUnixSeconds, int daysAhead)
{
    PracticeOptions options;
    options.issuedAtUnixSeconds = nowUnixSeconds;
    options.deadlineUnixSeconds = nowUnixSeconds + std::int64_t{daysAhead} * 86400;
    auto bytes = practiceCatalogJson(builtinCatalogBytes(), options);
    // The built-in catalog is valid (its tests say so), and so is its practice copy.
    return std::move(parseCatalog(bytes.value())).value();
}

} // namespace amicus::calls
