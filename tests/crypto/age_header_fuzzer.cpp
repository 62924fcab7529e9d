// libFuzzer harness for the age header parser. Beyond "no crash": any header that parses
// must encode back to exactly the bytes it was parsed from, since only canonical headers are
// accepted (the MAC is computed over those bytes).
#include "crypto/age_format.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace amicus::crypto;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    // CCTV vector files (used as seeds) start with their own "key: value" header; skip it.
    if (input.rfind("expect: ", 0) == 0) {
        const auto body = input.find("\n\n");
        if (body != std::string_view::npos) {
            input.remove_prefix(body + 2);
        }
    }
    MemorySource source(
        std::span(reinterpret_cast<const std::uint8_t*>(input.data()), input.size()));
    BufferedSource buffered(source);
    auto header = parseAgeHeader(buffered);
    if (header) {
        if (encodeAgeHeaderMacInput(header->stanzas) != header->macInput) {
            std::abort();
        }
    }
    return 0;
}
