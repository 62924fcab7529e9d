#include "qt_connectivity.h"

#include <QNetworkInformation>

namespace amicus::platform {

QtConnectivity::QtConnectivity(QObject* parent) : Connectivity(parent)
{
    // No backend (a headless box without NetworkManager) leaves the status unknown.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        return;
    }
    QNetworkInformation* info = QNetworkInformation::instance();
    connect(info, &QNetworkInformation::reachabilityChanged, this, &QtConnectivity::refresh);
    connect(info, &QNetworkInformation::isMeteredChanged, this, &QtConnectivity::refresh);
    connect(info, &QNetworkInformation::transportMediumChanged, this, &QtConnectivity::refresh);
    refresh();
}

NetworkStatus QtConnectivity::status() const
{
    return status_;
}

void QtConnectivity::refresh()
{
    const QNetworkInformation* info = QNetworkInformation::instance();
    NetworkStatus next;
    switch (info->reachability()) {
    case QNetworkInformation::Reachability::Unknown:
        next = NetworkStatus{};
        break;
    case QNetworkInformation::Reachability::Disconnected:
        next = NetworkStatus{false, false, true};
        break;
    case QNetworkInformation::Reachability::Local:
    case QNetworkInformation::Reachability::Site:
    case QNetworkInformation::Reachability::Online:
        next.reachable = true;
        next.known = true;
        // Backends without metering support report false; a cellular link is metered anyway.
        next.metered = info->isMetered() ||
                       info->transportMedium() == QNetworkInformation::TransportMedium::Cellular;
        break;
    }
    if (next == status_) {
        return;
    }
    status_ = next;
    emit statusChanged(status_);
}

} // namespace amicus::platform
