#include "crypto/age_format.h"

#include "crypto/base64.h"

#include <algorithm>
#include <cstring>

namespace amicus::crypto {

const char* ageErrorName(AgeErrorCode code)
{
    switch (code) {
    case AgeErrorCode::Header:
        return "header";
    case AgeErrorCode::NoMatchingIdentity:
        return "no matching identity";
    case AgeErrorCode::HeaderMac:
        return "header MAC";
    case AgeErrorCode::Payload:
        return "payload";
    case AgeErrorCode::Truncated:
        return "truncated";
    case AgeErrorCode::Armor:
        return "armor";
    case AgeErrorCode::Io:
        return "I/O";
    case AgeErrorCode::Cancelled:
        return "cancelled";
    case AgeErrorCode::InvalidKey:
        return "invalid key";
    case AgeErrorCode::InvalidRecipients:
        return "invalid recipients";
    case AgeErrorCode::Backend:
        return "crypto backend";
    }
    return "unknown";
}

namespace {

constexpr std::size_t bodyLineLength = 64;
constexpr std::size_t maxLineLength = 64 * 1024;

AgeError headerError(std::string detail)
{
    return AgeError{AgeErrorCode::Header, std::move(detail)};
}

AgeError ioError(const IoError& error)
{
    return AgeError{AgeErrorCode::Io, error.detail};
}

} // namespace

Result<std::size_t, IoError> BufferedSource::read(std::span<std::uint8_t> out)
{
    if (start_ < end_) {
        const std::size_t n = std::min(out.size(), end_ - start_);
        std::memcpy(out.data(), buffer_.data() + start_, n);
        start_ += n;
        return n;
    }
    return inner_.read(out);
}

Result<std::span<const std::uint8_t>, IoError> BufferedSource::peek(std::size_t count)
{
    count = std::min(count, buffer_.size());
    if (start_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
        end_ -= start_;
        start_ = 0;
    }
    while (end_ < count) {
        auto n = inner_.read(std::span(buffer_).subspan(end_));
        if (!n) {
            return fail(n.error());
        }
        if (*n == 0) {
            break;
        }
        end_ += *n;
    }
    return std::span<const std::uint8_t>(buffer_.data(), std::min(count, end_));
}

Result<std::size_t, IoError> BufferedSource::readFull(std::span<std::uint8_t> out)
{
    std::size_t done = 0;
    while (done < out.size()) {
        auto n = read(out.subspan(done));
        if (!n) {
            return fail(n.error());
        }
        if (*n == 0) {
            break;
        }
        done += *n;
    }
    return done;
}

Result<bool, AgeError> BufferedSource::readLine(std::string& line, std::size_t maxLength)
{
    while (true) {
        if (start_ == end_) {
            auto n = inner_.read(buffer_);
            if (!n) {
                return fail(ioError(n.error()));
            }
            if (*n == 0) {
                return false;
            }
            start_ = 0;
            end_ = *n;
        }
        const auto* begin = buffer_.data() + start_;
        const auto* stop = buffer_.data() + end_;
        const auto* newline = std::find(begin, stop, '\n');
        line.append(reinterpret_cast<const char*>(begin),
                    static_cast<std::size_t>(newline - begin));
        if (line.size() > maxLength) {
            return fail(headerError("header line too long"));
        }
        if (newline != stop) {
            start_ = static_cast<std::size_t>(newline - buffer_.data()) + 1;
            return true;
        }
        start_ = end_;
    }
}

bool isValidStanzaArgument(std::string_view arg)
{
    return !arg.empty() &&
           std::all_of(arg.begin(), arg.end(), [](char c) { return c >= 33 && c <= 126; });
}

Result<AgeHeader, AgeError> parseAgeHeader(BufferedSource& source)
{
    AgeHeader header;
    std::string raw;
    std::string line;

    auto nextLine = [&](std::string& into) -> Result<void, AgeError> {
        into.clear();
        auto got = source.readLine(into, maxLineLength);
        if (!got) {
            return fail(got.error());
        }
        if (!*got) {
            return fail(AgeError{AgeErrorCode::Truncated, "input ended inside the header"});
        }
        if (raw.size() + into.size() + 1 > ageMaxHeaderSize) {
            return fail(headerError("header too large"));
        }
        return {};
    };

    if (auto r = nextLine(line); !r) {
        return fail(r.error());
    }
    if (line != ageVersionLine) {
        if (line.rfind("age-encryption.org/", 0) == 0) {
            return fail(headerError("unsupported age version: " + line.substr(0, 64)));
        }
        return fail(headerError("not an age file"));
    }
    raw += line;
    raw += '\n';

    if (auto r = nextLine(line); !r) {
        return fail(r.error());
    }
    while (true) {
        if (line.rfind("---", 0) == 0) {
            break;
        }
        if (line.rfind("-> ", 0) != 0) {
            return fail(headerError("expected a stanza or the MAC line"));
        }
        raw += line;
        raw += '\n';
        AgeStanza stanza;
        std::string_view rest = std::string_view(line).substr(3);
        std::vector<std::string> fields;
        while (true) {
            const std::size_t space = rest.find(' ');
            const std::string_view field = rest.substr(0, space);
            if (!isValidStanzaArgument(field)) {
                return fail(headerError("invalid stanza argument"));
            }
            fields.emplace_back(field);
            if (space == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(space + 1);
        }
        stanza.type = fields.front();
        stanza.args.assign(fields.begin() + 1, fields.end());

        // The body: full 64-column lines, ended by exactly one shorter (possibly empty) line.
        std::string encoded;
        while (true) {
            if (auto r = nextLine(line); !r) {
                return fail(r.error());
            }
            if (line.size() > bodyLineLength) {
                return fail(headerError("stanza body line too long"));
            }
            raw += line;
            raw += '\n';
            encoded += line;
            if (line.size() < bodyLineLength) {
                break;
            }
        }
        auto body = base64Decode(encoded, Base64Padding::Unpadded);
        if (!body) {
            return fail(headerError("stanza body is not canonical base64"));
        }
        stanza.body = std::move(*body);
        header.stanzas.push_back(std::move(stanza));

        if (auto r = nextLine(line); !r) {
            return fail(r.error());
        }
    }

    if (header.stanzas.empty()) {
        return fail(headerError("header has no recipient stanza"));
    }
    // The MAC line: "--- " and the canonical unpadded base64 of 32 bytes, nothing else.
    if (line.size() != 4 + 43 || line[3] != ' ') {
        return fail(headerError("malformed MAC line"));
    }
    auto mac = base64Decode(std::string_view(line).substr(4), Base64Padding::Unpadded);
    if (!mac || mac->size() != header.mac.size()) {
        return fail(headerError("MAC is not canonical base64 of 32 bytes"));
    }
    std::copy(mac->begin(), mac->end(), header.mac.begin());
    raw += "---";
    header.macInput = std::move(raw);
    return header;
}

std::string encodeAgeHeaderMacInput(std::span<const AgeStanza> stanzas)
{
    std::string out(ageVersionLine);
    out += '\n';
    for (const auto& stanza : stanzas) {
        out += "-> ";
        out += stanza.type;
        for (const auto& arg : stanza.args) {
            out += ' ';
            out += arg;
        }
        out += '\n';
        const std::string body = base64Encode(stanza.body, Base64Padding::Unpadded);
        std::size_t offset = 0;
        // Full lines, then always one short line (empty when the body fills its last line).
        while (body.size() - offset >= bodyLineLength) {
            out.append(body, offset, bodyLineLength);
            out += '\n';
            offset += bodyLineLength;
        }
        out.append(body, offset, std::string::npos);
        out += '\n';
    }
    out += "---";
    return out;
}

} // namespace amicus::crypto
