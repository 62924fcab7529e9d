// Dates and times in the user's language, never ambiguous: "29 Nov 2026, 04:46", 24-hour in
// every language, the month by name; the deadline's days left counted on the local calendar.
#include "user_dates.h"

#include <QTest>
#include <QTimeZone>

using amicus::app::calendarDaysUntil;
using amicus::app::userDate;
using amicus::app::userDateTime;
using amicus::app::userDateTimeFromMilliseconds;
using amicus::app::userDateTimeFromSeconds;

class UserDatesTest : public QObject {
    Q_OBJECT

private slots:
    void dateAndTimeInEachLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("morning");
        QTest::addColumn<QString>("afternoon");
        QTest::newRow("en") << "en"
                            << "29 Nov 2026, 04:46"
                            << "3 May 2026, 16:05";
        QTest::newRow("fr") << "fr"
                            << "29 nov. 2026, 04:46"
                            << "3 mai 2026, 16:05";
        QTest::newRow("es") << "es"
                            << "29 nov 2026, 04:46"
                            << "3 may 2026, 16:05";
    }

    void dateAndTimeInEachLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, morning);
        QFETCH(QString, afternoon);
        // The test runs with TZ=UTC (CTest's environment): local time is UTC.
        const QDateTime november(QDate(2026, 11, 29), QTime(4, 46), QTimeZone::utc());
        const QDateTime may(QDate(2026, 5, 3), QTime(16, 5), QTimeZone::utc());
        QCOMPARE(userDateTime(november, language), morning);
        QCOMPARE(userDateTime(may, language), afternoon);
        QCOMPARE(userDateTimeFromSeconds(november.toSecsSinceEpoch(), language), morning);
        QCOMPARE(userDateTimeFromMilliseconds(may.toMSecsSinceEpoch(), language), afternoon);
        // Never the short numeric forms, never AM/PM.
        QVERIFY(!userDateTime(may, language).contains(QLatin1Char('/')));
        QVERIFY(!userDateTime(may, language).contains(QStringLiteral("PM")));
    }

    void dateAlone()
    {
        QCOMPARE(userDate(QDate(2026, 5, 12), QStringLiteral("en")), QStringLiteral("12 May 2026"));
        QCOMPARE(userDate(QDate(2026, 5, 12), QStringLiteral("fr")), QStringLiteral("12 mai 2026"));
        QCOMPARE(userDate(QDate(2026, 5, 12), QStringLiteral("es")), QStringLiteral("12 may 2026"));
    }

    void an_instant_is_shown_in_local_time()
    {
        // 23:30 at UTC-05:00 is 04:30 the next day in UTC, the test's local zone.
        const QDateTime offset(QDate(2026, 11, 28), QTime(23, 30), QTimeZone(-5 * 3600));
        QCOMPARE(userDateTime(offset, QStringLiteral("en")), QStringLiteral("29 Nov 2026, 04:30"));
    }

    void daysLeftCountCalendarDays()
    {
        const QDateTime now(QDate(2026, 5, 7), QTime(23, 0), QTimeZone::utc());
        QCOMPARE(
            calendarDaysUntil(QDateTime(QDate(2026, 5, 12), QTime(0, 30), QTimeZone::utc()), now),
            5);
        QCOMPARE(
            calendarDaysUntil(QDateTime(QDate(2026, 5, 7), QTime(23, 59), QTimeZone::utc()), now),
            0);
        QCOMPARE(
            calendarDaysUntil(QDateTime(QDate(2026, 5, 5), QTime(12, 0), QTimeZone::utc()), now),
            -2);
    }
};

QTEST_GUILESS_MAIN(UserDatesTest)
#include "user_dates_test.moc"
