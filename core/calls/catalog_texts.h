// The per-language members of a catalog: human texts, pages, language codes. Inside the
// parser only (throws CatalogRejection).
#pragma once

#include "calls/catalog.h"
#include "calls/catalog_json_reader.h"

#include <array>
#include <string>
#include <vector>

namespace amicus::calls::catalog_json {

// "en", "fr" or "es"; BadLanguage otherwise.
Language languageValue(const json& value, const std::string& path);

// {"en": text, "fr"?: text, "es"?: text}: English required, every text visible; a missing
// fr/es holds the English text and is recorded in `fallbacks`.
LocalizedText localizedText(const json& value, const std::string& path,
                            std::vector<TextFallback>& fallbacks);

// {"en": url, "fr"?: url, "es"?: url}: the page per language, a missing fr/es opens the
// English page (not recorded as a text fallback: nothing is shown untranslated).
LocalizedText localizedUrl(const json& value, const std::string& path);

// ["en", …]: which languages' texts are the secretariat's own.
std::array<bool, 3> officialLanguages(const json& value, const std::string& path);

} // namespace amicus::calls::catalog_json
