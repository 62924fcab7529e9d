// FakeConnectivity: a Connectivity that tests switch by hand.
#pragma once

#include "connectivity.h"

namespace amicus::platform {

class FakeConnectivity : public Connectivity {
    Q_OBJECT

public:
    explicit FakeConnectivity(NetworkStatus initial = {true, false, true},
                              QObject* parent = nullptr)
        : Connectivity(parent), status_(initial)
    {
    }

    [[nodiscard]] NetworkStatus status() const override { return status_; }

    // Sets the status and emits statusChanged when it differs, as a real backend would.
    void setStatus(NetworkStatus status)
    {
        if (status == status_) {
            return;
        }
        status_ = status;
        emit statusChanged(status_);
    }

private:
    NetworkStatus status_;
};

} // namespace amicus::platform
