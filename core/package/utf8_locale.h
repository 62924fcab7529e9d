// ScopedUtf8Locale: makes the calling thread's locale UTF-8 for as long as it lives.
// libarchive converts tar names through the current locale's charset; under the "C" locale
// it cannot convert a non-ASCII UTF-8 name (and 3.6 then crashes formatting its error), so
// package code runs libarchive under C.UTF-8 on its own thread only (uselocale), leaving the
// process locale alone.
#pragma once

#include <clocale>
#include <locale.h>

namespace amicus::package {

class ScopedUtf8Locale {
public:
    ScopedUtf8Locale()
    {
        for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
            locale_ = ::newlocale(LC_CTYPE_MASK, name, static_cast<locale_t>(nullptr));
            if (locale_ != static_cast<locale_t>(nullptr)) {
                previous_ = ::uselocale(locale_);
                return;
            }
        }
    }
    ~ScopedUtf8Locale()
    {
        if (locale_ != static_cast<locale_t>(nullptr)) {
            ::uselocale(previous_);
            ::freelocale(locale_);
        }
    }
    ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
    ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

    // False when no UTF-8 locale exists here: only ASCII names can then go through libarchive.
    [[nodiscard]] bool active() const { return locale_ != static_cast<locale_t>(nullptr); }

private:
    locale_t locale_ = static_cast<locale_t>(nullptr);
    locale_t previous_ = static_cast<locale_t>(nullptr);
};

} // namespace amicus::package
