// Small conversions at the edge between core (std::string, UTF-8) and Qt (QString).
#pragma once

#include "calls/catalog.h"

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <string>
#include <string_view>

namespace amicus::app {

inline QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

// The catalog language for a UI language code ("fr" → Fr); English for anything unknown.
inline calls::Language catalogLanguage(const QString& code)
{
    return calls::languageFromTag(code.toStdString());
}

} // namespace amicus::app
