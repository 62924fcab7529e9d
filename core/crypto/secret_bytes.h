// SecretBytes: an owned byte buffer for key material that is wiped when it goes away.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace amicus::crypto {

// Wipes memory in a way the compiler may not optimise out (OPENSSL_cleanse).
void wipe(void* data, std::size_t size);

template <typename T, std::size_t N>
void wipe(std::span<T, N> bytes)
{
    wipe(bytes.data(), bytes.size_bytes());
}

// Key material: movable, not copyable by accident, wiped on destruction and on clear().
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size) : bytes_(size, 0) {}
    explicit SecretBytes(std::span<const std::uint8_t> bytes) : bytes_(bytes.begin(), bytes.end())
    {
    }
    ~SecretBytes() { clear(); }
    SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {}
    SecretBytes& operator=(SecretBytes&& other) noexcept
    {
        if (this != &other) {
            clear();
            bytes_ = std::move(other.bytes_);
        }
        return *this;
    }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    // An explicit copy, so copies of secrets are visible in the code.
    [[nodiscard]] SecretBytes clone() const { return SecretBytes(span()); }

    void clear()
    {
        wipe(bytes_.data(), bytes_.size());
        bytes_.clear();
    }
    [[nodiscard]] bool empty() const { return bytes_.empty(); }
    [[nodiscard]] std::size_t size() const { return bytes_.size(); }
    [[nodiscard]] std::uint8_t* data() { return bytes_.data(); }
    [[nodiscard]] const std::uint8_t* data() const { return bytes_.data(); }
    [[nodiscard]] std::span<const std::uint8_t> span() const { return bytes_; }
    [[nodiscard]] std::span<std::uint8_t> mutableSpan() { return bytes_; }
    std::uint8_t& operator[](std::size_t i) { return bytes_[i]; }
    const std::uint8_t& operator[](std::size_t i) const { return bytes_[i]; }

private:
    std::vector<std::uint8_t> bytes_;
};

} // namespace amicus::crypto
