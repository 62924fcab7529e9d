#!/usr/bin/env bash
# Installs what the scale-out test cluster (scripts/cluster/start.sh) needs on Debian 12, on
# top of scripts/setup-debian.sh: Ceph 16 (monitor, manager, OSD, radosgw, the ceph CLI),
# redis-server and nginx. About 200 MB; apart from the main set-up because only the cluster
# tests need it. Services are not started or enabled by this: start.sh runs its own.
set -euo pipefail
packages=(ceph-mon ceph-mgr ceph-osd radosgw ceph-common redis-server nginx-light python3)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages for the test cluster: ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "Run this as root or install sudo."; exit 1; }
    sudo=sudo
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
