#!/usr/bin/env bash
# Installs what Amicus needs to build, run and test on Debian 12: the Debian packages (as root,
# or through sudo), then the endpoint's npm packages. Safe to run again; it skips what is there.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    build-essential cmake ninja-build pkg-config git python3 clang clang-format clang-tidy
    libclang-rt-14-dev
    libssl-dev libsqlite3-dev libcurl4-openssl-dev libarchive-dev nlohmann-json3-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-qpa-plugins libgl-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml-workerscript
    qml6-module-qttest qml6-module-qtquick-dialogs qml6-module-qtcore qml6-module-qt-labs-settings
    qml6-module-qt-labs-folderlistmodel qt6-translations-l10n
    curl openssl python3-jsonschema fonts-dejavu-core xvfb xauth age time strace
    poppler-utils
    python3-odf libzip-dev
    redis-server
    appstream desktop-file-utils
)

. "$top/scripts/apt.sh"
install_missing "${packages[@]}"

# The reference endpoint needs Node.js 20 or newer (Debian 12's own nodejs 18 is too old for @tus/server).
if [ -f "$top/server/package.json" ]; then
    node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$node_major" -lt 20 ]; then
        echo "The endpoint in server/ needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))."
        echo "Install Node.js 20 (for example from NodeSource) and run this again."
        exit 1
    fi
    if [ ! -d "$top/server/node_modules" ] || [ "$top/server/package-lock.json" -nt "$top/server/node_modules" ]; then
        (cd "$top/server" && npm ci --no-audit --no-fund --loglevel=error)
        touch "$top/server/node_modules"
    fi
fi
