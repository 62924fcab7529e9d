# Writes a C++ source holding the bytes of the built-in catalog and the catalog-signing keys
# the build trusts. Run at build time: cmake -DINPUT=... -DOUTPUT=... -DSIGNING_KEYS=... -P
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Break the initializer into lines of 16 bytes (CMake regexes have no {n}, hence REPEAT).
string(REPEAT "0x[0-9a-f][0-9a-f]," 16 line_of_bytes)
string(REGEX REPLACE "(${line_of_bytes})" "\\1\n    " bytes "${bytes}")
set(keys "")
foreach(key IN LISTS SIGNING_KEYS)
    if(NOT key STREQUAL "")
        string(APPEND keys "    \"${key}\",\n")
    endif()
endforeach()
set(content "// Generated from ${INPUT} by embed_catalog.cmake; do not edit.
#include \"calls/builtin_catalog.h\"

#include <array>

namespace amicus::calls {
namespace {

constexpr unsigned char catalogBytes[] = {
    ${bytes}0x00};

constexpr std::array<std::string_view, 0 + ${SIGNING_KEY_COUNT}> signingKeys{
${keys}};

} // namespace

std::string_view builtinCatalogBytes()
{
    return std::string_view(reinterpret_cast<const char*>(catalogBytes), sizeof(catalogBytes) - 1);
}

std::span<const std::string_view> builtinCatalogSigningKeys()
{
    return signingKeys;
}

} // namespace amicus::calls
")
file(WRITE "${OUTPUT}.tmp" "${content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
