// QtConnectivity: Connectivity from QNetworkInformation (NetworkManager on Linux desktop,
// the OS's own backend on Android and iOS).
#pragma once

#include "connectivity.h"

namespace amicus::platform {

class QtConnectivity : public Connectivity {
    Q_OBJECT

public:
    explicit QtConnectivity(QObject* parent = nullptr);

    [[nodiscard]] NetworkStatus status() const override;

private:
    void refresh();

    NetworkStatus status_;
};

} // namespace amicus::platform
