#!/usr/bin/env bash
# Installs what the scale-out test cluster (scripts/cluster/start.sh) needs on Debian 12, on
# top of scripts/setup-debian.sh: Ceph 16 (monitor, manager, OSD, radosgw, the ceph CLI),
# redis-server and nginx. About 200 MB; apart from the main set-up because only the cluster
# tests need it. Services are not started or enabled by this: start.sh runs its own.
set -euo pipefail
packages=(ceph-mon ceph-mgr ceph-osd radosgw ceph-common redis-server nginx-light python3)
. "$(cd "$(dirname "$0")/.." && pwd)/apt.sh"
install_missing "${packages[@]}"
