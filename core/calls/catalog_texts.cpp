#include "calls/catalog_texts.h"

#include "calls/catalog_urls.h"

#include <optional>
#include <string_view>

namespace amicus::calls::catalog_json {
namespace {

std::optional<Language> languageFromCode(std::string_view code)
{
    for (Language language : allLanguages) {
        if (code == languageCode(language)) {
            return language;
        }
    }
    return std::nullopt;
}

// The object {"en": …, "fr"?: …, "es"?: …}, each value read by `read(value, pointer)`; a
// missing fr/es gets the English value and is reported to `onFallback(language)`.
template <typename Read, typename OnFallback>
LocalizedText perLanguage(const json& value, const std::string& path, Read read,
                          OnFallback onFallback)
{
    objectValue(value, path);
    LocalizedText result;
    const std::string english = field(value, "en", path, read);
    result.set(Language::En, english, false);
    for (Language language : {Language::Fr, Language::Es}) {
        if (auto translated = optionalField(value, languageCode(language), path, read)) {
            result.set(language, std::move(*translated), false);
        } else {
            result.set(language, english, true);
            onFallback(language);
        }
    }
    return result;
}

} // namespace

Language languageValue(const json& value, const std::string& path)
{
    const auto language = languageFromCode(stringValue(value, path));
    if (!language) {
        reject(CatalogErrorCode::BadLanguage, path);
    }
    return *language;
}

LocalizedText localizedText(const json& value, const std::string& path,
                            std::vector<TextFallback>& fallbacks)
{
    return perLanguage(
        value, path,
        [](const json& text, const std::string& textPath) { return visibleText(text, textPath); },
        [&](Language language) {
            fallbacks.push_back(TextFallback{path, language});
        });
}

LocalizedText localizedUrl(const json& value, const std::string& path)
{
    return perLanguage(value, path, webUrl, [](Language) {});
}

std::array<bool, 3> officialLanguages(const json& value, const std::string& path)
{
    std::array<bool, 3> official{};
    for (Language language : arrayOf(value, path, languageValue)) {
        official[static_cast<std::size_t>(language)] = true;
    }
    return official;
}

} // namespace amicus::calls::catalog_json
