// Tar archives written byte by byte, as an attacker would: ustar and GNU headers, pax extended
// headers, and the four ways GNU tar stores a sparse file (old GNU 'S' entries and pax sparse
// 0.0, 0.1 and 1.0), so the tests can hand the reader what no well-behaved writer makes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace amicus::package::testing {

constexpr std::size_t tarBlock = 512;

// `value` in octal, zero-padded to `width - 1` digits and a NUL, in place at `field`; a value
// too large for that is written in GNU's base-256 form (high bit set, big-endian), which
// libarchive reads too.
inline void putOctal(std::string& header, std::size_t field, std::size_t width, std::uint64_t value)
{
    if (value >> (3 * (width - 1)) != 0) {
        for (std::size_t i = width; i-- > 1; value >>= 8) {
            header[field + i] = static_cast<char>(value & 0xFF);
        }
        header[field] = static_cast<char>(0x80);
        return;
    }
    std::string digits(width - 1, '0');
    for (std::size_t i = width - 1; i-- > 0 && value > 0; value >>= 3) {
        digits[i] = static_cast<char>('0' + (value & 7));
    }
    std::memcpy(header.data() + field, digits.data(), digits.size());
    header[field + width - 1] = '\0';
}

// The checksum over the whole block with its own field read as spaces.
inline void putChecksum(std::string& header)
{
    std::memset(header.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : header) {
        sum += c;
    }
    char text[8];
    std::snprintf(text, sizeof text, "%06o", sum);
    std::memcpy(header.data() + 148, text, 6);
    header[154] = '\0';
    header[155] = ' ';
}

// `data` padded with zeros to a whole number of blocks.
inline std::string padded(std::string data)
{
    data.resize((data.size() + tarBlock - 1) / tarBlock * tarBlock, '\0');
    return data;
}

// The sparse part of an old GNU 'S' header: up to four (offset, length) pieces of data.
struct GnuSparse {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> pieces;
    std::uint64_t realSize = 0;
};

// One header block. `gnu` writes GNU tar's magic (needed for 'S' entries); names longer than
// the 100-byte field are cut, as the tests pass long names through pax records instead.
inline std::string tarHeader(const std::string& name, std::uint64_t size, char type = '0',
                             bool gnu = false, const GnuSparse* sparse = nullptr)
{
    std::string header(tarBlock, '\0');
    std::memcpy(header.data(), name.data(), std::min<std::size_t>(name.size(), 100));
    putOctal(header, 100, 8, 0600);
    putOctal(header, 108, 8, 1000);
    putOctal(header, 116, 8, 1000);
    putOctal(header, 124, 12, size);
    putOctal(header, 136, 12, 1'700'000'000);
    header[156] = type;
    if (gnu) {
        std::memcpy(header.data() + 257, "ustar  ", 8); // "ustar" + two spaces + NUL
    } else {
        std::memcpy(header.data() + 257, "ustar", 6);
        std::memcpy(header.data() + 263, "00", 2);
    }
    if (sparse) {
        for (std::size_t i = 0; i < sparse->pieces.size() && i < 4; ++i) {
            putOctal(header, 386 + i * 24, 12, sparse->pieces[i].first);
            putOctal(header, 386 + i * 24 + 12, 12, sparse->pieces[i].second);
        }
        header[482] = '\0'; // no extension blocks
        putOctal(header, 483, 12, sparse->realSize);
    }
    putChecksum(header);
    return header;
}

// A regular file entry: header and padded content.
inline std::string tarFile(const std::string& name, const std::string& content)
{
    return tarHeader(name, content.size()) + padded(content);
}

// One pax record, "<length> <key>=<value>\n", where length counts itself.
inline std::string paxRecord(const std::string& key, const std::string& value)
{
    const std::size_t rest = key.size() + value.size() + 3; // space, '=', newline
    std::size_t length = rest + 1;
    while (std::to_string(length).size() + rest != length) {
        length = std::to_string(length).size() + rest;
    }
    return std::to_string(length) + " " + key + "=" + value + "\n";
}

// A pax extended header ('x') carrying `records`, which apply to the entry after it.
inline std::string paxHeader(const std::vector<std::pair<std::string, std::string>>& records)
{
    std::string body;
    for (const auto& [key, value] : records) {
        body += paxRecord(key, value);
    }
    return tarHeader("PaxHeaders/entry", body.size(), 'x') + padded(body);
}

// The two zero blocks that end an archive.
inline std::string tarEnd()
{
    return std::string(2 * tarBlock, '\0');
}

// A sparse file of `realSize` bytes whose only data is `data` at offset 0, the rest a hole,
// stored in each of GNU tar's four sparse formats.
enum class SparseFormat { OldGnu, Pax00, Pax01, Pax10 };

inline std::string sparseEntry(SparseFormat format, const std::string& name,
                               const std::string& data, std::uint64_t realSize)
{
    const std::string size = std::to_string(realSize);
    const std::string length = std::to_string(data.size());
    switch (format) {
    case SparseFormat::OldGnu: {
        // The final zero-length piece at the real size is how GNU tar marks a trailing hole.
        const GnuSparse sparse{{{0, data.size()}, {realSize, 0}}, realSize};
        return tarHeader(name, data.size(), 'S', true, &sparse) + padded(data);
    }
    case SparseFormat::Pax00:
        return paxHeader({{"GNU.sparse.size", size},
                          {"GNU.sparse.numblocks", "2"},
                          {"GNU.sparse.offset", "0"},
                          {"GNU.sparse.numbytes", length},
                          {"GNU.sparse.offset", size},
                          {"GNU.sparse.numbytes", "0"}}) +
               tarHeader(name, data.size()) + padded(data);
    case SparseFormat::Pax01:
        return paxHeader({{"GNU.sparse.size", size},
                          {"GNU.sparse.numblocks", "2"},
                          {"GNU.sparse.map", "0," + length + "," + size + ",0"}}) +
               tarHeader(name, data.size()) + padded(data);
    case SparseFormat::Pax10: {
        // The map is the first block(s) of the data, in decimal lines.
        const std::string map = padded("2\n0\n" + length + "\n" + size + "\n0\n");
        return paxHeader({{"GNU.sparse.major", "1"},
                          {"GNU.sparse.minor", "0"},
                          {"GNU.sparse.name", name},
                          {"GNU.sparse.realsize", size}}) +
               tarHeader("GNUSparseFile.0/" + name.substr(name.rfind('/') + 1),
                         map.size() + data.size()) +
               map + padded(data);
    }
    }
    return {};
}

} // namespace amicus::package::testing
