#include "calls/catalog_json_reader.h"

namespace amicus::calls::catalog_json {

void reject(CatalogErrorCode code, std::string path)
{
    throw CatalogRejection{CatalogError{code, std::move(path)}};
}

std::string child(const std::string& path, std::string_view key)
{
    return path + "/" + std::string(key); // our keys need no JSON-pointer escaping
}

std::string child(const std::string& path, std::size_t index)
{
    return path + "/" + std::to_string(index);
}

const json& member(const json& object, std::string_view key, const std::string& path)
{
    const auto found = object.find(key);
    if (found == object.end()) {
        reject(CatalogErrorCode::MissingField, child(path, key));
    }
    return *found;
}

const json* optionalMember(const json& object, std::string_view key)
{
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

const std::string& stringValue(const json& value, const std::string& path)
{
    if (!value.is_string()) {
        reject(CatalogErrorCode::WrongType, path);
    }
    return value.get_ref<const std::string&>();
}

const json& objectValue(const json& value, const std::string& path)
{
    if (!value.is_object()) {
        reject(CatalogErrorCode::WrongType, path);
    }
    return value;
}

const json& arrayValue(const json& value, const std::string& path)
{
    if (!value.is_array()) {
        reject(CatalogErrorCode::WrongType, path);
    }
    return value;
}

std::uint64_t countValue(const json& value, const std::string& path, CatalogErrorCode badCode)
{
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > maxSafeInteger) {
            reject(badCode, path);
        }
        return number;
    }
    if (value.is_number_integer()) {
        reject(badCode, path); // a signed integer here is negative
    }
    if (value.is_number_float()) {
        // 3.0 is an integer to JSON Schema; accept it when it is exactly one.
        const double number = value.get<double>();
        if (number >= 0 && number <= static_cast<double>(maxSafeInteger) &&
            number == static_cast<double>(static_cast<std::uint64_t>(number))) {
            return static_cast<std::uint64_t>(number);
        }
        reject(number < 0 ? badCode : CatalogErrorCode::WrongType, path);
    }
    reject(CatalogErrorCode::WrongType, path);
}

const std::string& visibleText(const json& value, const std::string& path)
{
    const std::string& text = stringValue(value, path);
    if (text.find_first_not_of(" \t\n\r") == std::string::npos) {
        reject(CatalogErrorCode::EmptyText, path);
    }
    return text;
}

} // namespace amicus::calls::catalog_json
