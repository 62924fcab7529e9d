#include "calls/rfc3339.h"

#include <array>
#include <cstddef>
#include <utility>

namespace amicus::calls {
namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Reads the text left to right; every read either consumes what it expects or fails.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    // Exactly `count` ASCII digits as a number.
    std::optional<int> digits(std::size_t count)
    {
        if (pos_ + count > text_.size()) {
            return std::nullopt;
        }
        int number = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text_[pos_ + i];
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            number = number * 10 + (c - '0');
        }
        pos_ += count;
        return number;
    }

    // One character out of `allowed`.
    bool expect(std::string_view allowed)
    {
        if (pos_ < text_.size() && allowed.find(text_[pos_]) != std::string_view::npos) {
            ++pos_;
            return true;
        }
        return false;
    }

    // One or more ASCII digits, whatever their value.
    bool skipDigits()
    {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            ++pos_;
        }
        return pos_ > start;
    }

    [[nodiscard]] std::optional<char> peek() const
    {
        return pos_ < text_.size() ? std::optional<char>(text_[pos_]) : std::nullopt;
    }
    [[nodiscard]] bool atEnd() const { return pos_ == text_.size(); }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// The offset after the seconds in seconds east of UTC: "Z" or ±hh:mm.
std::optional<int> offsetSeconds(Cursor& cursor)
{
    if (cursor.expect("Zz")) {
        return 0;
    }
    const auto signCharacter = cursor.peek();
    if (!cursor.expect("+-")) {
        return std::nullopt;
    }
    const int sign = *signCharacter == '-' ? -1 : 1;
    const auto hour = cursor.digits(2);
    if (!hour || !cursor.expect(":")) {
        return std::nullopt;
    }
    const auto minute = cursor.digits(2);
    if (!minute || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    return sign * (*hour * 3600 + *minute * 60);
}

} // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    // year-month-dayThour:minute:second, each number with its width and what follows it.
    static constexpr std::array<std::pair<std::size_t, std::string_view>, 6> layout{{
        {4, "-"},
        {2, "-"},
        {2, "Tt"},
        {2, ":"},
        {2, ":"},
        {2, ""},
    }};
    Cursor cursor(text);
    std::array<int, layout.size()> parts{};
    for (std::size_t i = 0; i < layout.size(); ++i) {
        const auto& [width, separator] = layout[i];
        const auto number = cursor.digits(width);
        if (!number || (!separator.empty() && !cursor.expect(separator))) {
            return std::nullopt;
        }
        parts[i] = *number;
    }
    if (cursor.expect(".") && !cursor.skipDigits()) {
        return std::nullopt;
    }
    const auto offset = offsetSeconds(cursor);
    if (!offset || !cursor.atEnd()) {
        return std::nullopt;
    }

    const auto [year, month, day, hour, minute, second] = parts;
    static constexpr std::array<int, 12> daysInMonth{31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) {
        return std::nullopt;
    }
    const int monthDays = daysInMonth[static_cast<std::size_t>(month - 1)] +
                          ((month == 2 && isLeapYear(year)) ? 1 : 0);
    if (day > monthDays || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    const std::int64_t days =
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secondsOfDay =
        std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
    return days * 86400 + secondsOfDay - *offset;
}

} // namespace amicus::calls
