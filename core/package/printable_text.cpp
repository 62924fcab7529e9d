#include "package/printable_text.h"

#include "common/utf8.h"

namespace amicus::package {

namespace {

bool isHidden(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
}

} // namespace

std::string printableText(std::string_view text, std::size_t maxBytes)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        std::size_t length = decodeUtf8(text, i, c);
        std::string_view piece = text.substr(i, length);
        if (length == 0) {
            piece = "?";
            length = 1;
        } else if (isHidden(c)) {
            piece = {};
        }
        if (out.size() + piece.size() > maxBytes) {
            out += "…";
            break;
        }
        out += piece;
        i += length;
    }
    return out;
}

} // namespace amicus::package
