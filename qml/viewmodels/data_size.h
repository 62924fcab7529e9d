// Sizes as phones show them, in the user's language: "4.2 MB", "380 kB", "25 MB" (French
// "4,2 Mo"), one decimal only below 10 of a unit. One place so the editor, the review and the
// outbox never show the same file with two different sizes.
#pragma once

#include <QLocale>
#include <QString>

[[nodiscard]] QString formatDataSize(double bytes, const QLocale& locale);
