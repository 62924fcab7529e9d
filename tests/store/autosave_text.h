// The text the autosave child writes for save number i, known to the parent test as well.
#pragma once

#include <cstdint>
#include <string>

namespace amicus::store::testing {

// Between a few bytes and a few KiB, different for every index, containing `marker` when set.
inline std::string autosaveText(std::int64_t index, const std::string& marker)
{
    std::string text = "answer " + std::to_string(index) + " " + marker + " ";
    const std::size_t extra = static_cast<std::size_t>((index * 2654435761u) % 3000);
    for (std::size_t i = 0; i < extra; ++i) {
        text.push_back(static_cast<char>('a' + (index + static_cast<std::int64_t>(i)) % 26));
    }
    return text + marker;
}

// The bytes of the smaller copy the toggling child stores at save number i (tens of KiB).
inline std::string smallerCopyText(std::int64_t index)
{
    return "smaller copy " + std::to_string(index) + " " +
           std::string(20000 + static_cast<std::size_t>(index % 7) * 5000, 'c');
}

} // namespace amicus::store::testing
