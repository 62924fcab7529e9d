// Sha256: a streaming SHA-256 hasher (attachment and envelope digests, receipts).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace amicus::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Feed bytes with update() in any number of pieces, then call finish() once.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&& other) noexcept;
    Sha256& operator=(Sha256&& other) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::span<const std::uint8_t> bytes);
    void update(std::string_view text);
    // Returns the digest; the hasher is reset and may be reused afterwards.
    [[nodiscard]] Sha256Digest finish();

    [[nodiscard]] static Sha256Digest digest(std::span<const std::uint8_t> bytes);
    [[nodiscard]] static Sha256Digest digest(std::string_view text);

private:
    evp_md_ctx_st* ctx_ = nullptr;
};

// Lower-case hexadecimal, as used in submission.json and receipts.
[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes);

} // namespace amicus::crypto
