#include "user_dates.h"

#include <QLocale>

namespace amicus::app {

QString userDate(const QDate& date, const QString& languageCode)
{
    // Day, short month, year in every language: the order no reader can take for another.
    return QLocale(languageCode).toString(date, QStringLiteral("d MMM yyyy"));
}

QString userDateTime(const QDateTime& when, const QString& languageCode)
{
    const QDateTime local = when.toLocalTime();
    return userDate(local.date(), languageCode) + QStringLiteral(", ") +
           QLocale(languageCode).toString(local.time(), QStringLiteral("HH:mm"));
}

QString userDateTimeFromSeconds(std::int64_t unixSeconds, const QString& languageCode)
{
    return userDateTime(QDateTime::fromSecsSinceEpoch(unixSeconds), languageCode);
}

QString userDateTimeFromMilliseconds(std::int64_t unixMilliseconds, const QString& languageCode)
{
    return userDateTime(QDateTime::fromMSecsSinceEpoch(unixMilliseconds), languageCode);
}

int calendarDaysUntil(const QDateTime& deadline, const QDateTime& now)
{
    return static_cast<int>(now.toLocalTime().date().daysTo(deadline.toLocalTime().date()));
}

} // namespace amicus::app
