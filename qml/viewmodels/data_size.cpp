#include "data_size.h"

QString formatDataSize(double bytes, const QLocale& locale)
{
    double scaled = bytes;
    while (scaled >= 1024) {
        scaled /= 1024;
    }
    const int decimals = bytes >= 1024 && scaled < 10 ? 1 : 0;
    return locale.formattedDataSize(static_cast<qint64>(bytes), decimals,
                                    QLocale::DataSizeTraditionalFormat);
}
