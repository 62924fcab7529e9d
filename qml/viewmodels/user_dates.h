// Dates and times as the user reads them, in the UI language and never ambiguous: the day,
// the month's short name and the year ("29 Nov 2026", "29 nov. 2026"), and a 24-hour time
// ("29 Nov 2026, 04:46"), never 11/29/26 4:46 AM.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <cstdint>

namespace amicus::app {

// "29 Nov 2026" / "29 nov. 2026" / "29 nov 2026".
[[nodiscard]] QString userDate(const QDate& date, const QString& languageCode);

// "29 Nov 2026, 04:46" in the device's time zone (the instant is converted to local time).
[[nodiscard]] QString userDateTime(const QDateTime& when, const QString& languageCode);

// The same for an instant in seconds or milliseconds since the epoch.
[[nodiscard]] QString userDateTimeFromSeconds(std::int64_t unixSeconds,
                                              const QString& languageCode);
[[nodiscard]] QString userDateTimeFromMilliseconds(std::int64_t unixMilliseconds,
                                                   const QString& languageCode);

// Whole calendar days from `now`'s local date to `deadline`'s local date: 0 on the day itself,
// negative once it has passed.
[[nodiscard]] int calendarDaysUntil(const QDateTime& deadline, const QDateTime& now);

} // namespace amicus::app
