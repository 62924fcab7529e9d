// libFuzzer harness for the whole age reader: header, unwrapping with an X25519 and a
// passphrase identity (those of the CCTV vectors, which seed the corpus), MAC, STREAM.
// Checks that released plaintext never exceeds what the input could hold.
#include "crypto/age_keys.h"
#include "crypto/age_reader.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace amicus::crypto;
    static const X25519Identity x25519 =
        X25519Identity::parse(
            "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0")
            .value();
    // A low ceiling keeps each run fast; larger work factors are refused as header errors.
    static const ScryptIdentity passphrase("password", 10);
    const AgeIdentity* identities[] = {&x25519, &passphrase};

    std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.rfind("expect: ", 0) == 0) {
        const auto body = input.find("\n\n");
        if (body != std::string_view::npos) {
            input.remove_prefix(body + 2);
        }
    }
    MemorySource source(
        std::span(reinterpret_cast<const std::uint8_t*>(input.data()), input.size()));
    auto reader = AgeReader::open(source, identities);
    if (!reader) {
        return 0;
    }
    std::vector<std::uint8_t> buffer(4096);
    std::size_t released = 0;
    while (true) {
        auto n = (*reader)->read(buffer);
        if (!n || *n == 0) {
            break;
        }
        released += *n;
        if (released > input.size()) {
            std::abort();
        }
    }
    return 0;
}
