// Makes QAbstractItemModel known to QML tooling: Qt 6.4 ships no QML type description of it,
// so qmllint could not resolve any model derived from it.
#pragma once

#include <QAbstractItemModel>
#include <QtQml/qqml.h>

struct AbstractItemModelForeign {
    Q_GADGET
    QML_FOREIGN(QAbstractItemModel)
    QML_ANONYMOUS
};
