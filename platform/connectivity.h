// Connectivity: what the OS says about the network, so the outbox knows when to try.
#pragma once

#include <QObject>

namespace amicus::platform {

// A snapshot of the network as the OS sees it.
struct NetworkStatus {
    // False only when the OS is sure there is no network; an unknown state counts as
    // reachable, because trying costs little and the upload itself finds out.
    bool reachable = true;
    // True on a link the user may pay for by the byte (mobile data, a phone's hotspot).
    bool metered = false;
    // True when the OS could tell neither; `reachable` and `metered` are then guesses.
    bool known = false;

    friend bool operator==(const NetworkStatus&, const NetworkStatus&) = default;
};

// The source of NetworkStatus updates. One implementation per OS, a fake for tests.
class Connectivity : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Connectivity() override = default;

    // The current status; cheap, no I/O.
    [[nodiscard]] virtual NetworkStatus status() const = 0;

signals:
    // Emitted once per change of status(), on the thread that owns this object.
    void statusChanged(amicus::platform::NetworkStatus status);
};

} // namespace amicus::platform
