// Reading one catalog member at a time, inside the parser only: each reader returns the value
// or throws a CatalogRejection that parseCatalog turns into a typed CatalogError. Keeps every
// check of the parser a single line.
#pragma once

#include "calls/catalog_parser.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace amicus::calls::catalog_json {

using nlohmann::json;

// Integers a JavaScript reader (the reference server) still holds exactly.
inline constexpr std::uint64_t maxSafeInteger = (std::uint64_t{1} << 53) - 1;

// Thrown by the readers, caught by parseCatalog only.
struct CatalogRejection {
    CatalogError error;
};

[[noreturn]] void reject(CatalogErrorCode code, std::string path);

// The JSON pointer of a member or an array element below `path`.
[[nodiscard]] std::string child(const std::string& path, std::string_view key);
[[nodiscard]] std::string child(const std::string& path, std::size_t index);

// A required member (MissingField when absent) and an optional one (nullptr when absent).
const json& member(const json& object, std::string_view key, const std::string& path);
const json* optionalMember(const json& object, std::string_view key);

// The value as the JSON type the schema asks for, or WrongType.
const std::string& stringValue(const json& value, const std::string& path);
const json& objectValue(const json& value, const std::string& path);
const json& arrayValue(const json& value, const std::string& path);

// A non-negative integer no larger than 2^53 - 1; `badCode` for negatives and overflow.
std::uint64_t countValue(const json& value, const std::string& path, CatalogErrorCode badCode);

// A string with at least one character that is not white space, or EmptyText.
const std::string& visibleText(const json& value, const std::string& path);

// The required member `key` of `object`, read by `read(value, pointer)`.
template <typename Read>
auto field(const json& object, std::string_view key, const std::string& path, Read read)
{
    return read(member(object, key, path), child(path, key));
}

// The optional member `key` of `object`, read by `read(value, pointer)`; nullopt when absent.
template <typename Read>
auto optionalField(const json& object, std::string_view key, const std::string& path, Read read)
    -> std::optional<std::remove_cvref_t<decltype(read(object, path))>>
{
    if (const json* value = optionalMember(object, key)) {
        return read(*value, child(path, key));
    }
    return std::nullopt;
}

// Each element of the array `value`, read by `read(element, pointer)`, in order.
template <typename Read>
auto arrayOf(const json& value, const std::string& path, Read read)
    -> std::vector<std::remove_cvref_t<decltype(read(value, path))>>
{
    arrayValue(value, path);
    std::vector<std::remove_cvref_t<decltype(read(value, path))>> result;
    result.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        result.push_back(read(value[i], child(path, i)));
    }
    return result;
}

// A string that must be one of `names`, mapped to its value; `badCode` otherwise.
template <typename Value, std::size_t N>
Value oneOf(const json& value, const std::string& path,
            const std::array<std::pair<std::string_view, Value>, N>& names,
            CatalogErrorCode badCode)
{
    const std::string& text = stringValue(value, path);
    for (const auto& [name, mapped] : names) {
        if (text == name) {
            return mapped;
        }
    }
    reject(badCode, path);
}

} // namespace amicus::calls::catalog_json
