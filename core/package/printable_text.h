// printableText: text a sender chose (tar entry names, attachment and organization names) made
// safe to print on the officer's terminal or in a log line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace amicus::package {

// `text` without control characters (C0, DEL, C1, so no terminal escape sequence survives)
// and without the bidirectional overrides and isolates that make text display as something
// else; bytes that are not UTF-8 become '?'. Longer than `maxBytes`, it is cut at a character
// boundary and ends with "…".
[[nodiscard]] std::string printableText(std::string_view text, std::size_t maxBytes = 160);

} // namespace amicus::package
