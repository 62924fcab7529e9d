#!/usr/bin/env bash
# Cross-builds Amicus for arm64 Linux (as on a Linux phone: Mobian, postmarketOS) on Debian 12
# amd64 and runs its tests under qemu-aarch64-static, CMake's cross-compiling emulator.
# Installs what it needs first: the arm64 architecture in dpkg, crossbuild-essential-arm64, the
# `:arm64` Qt 6 and library packages, and QEMU (10, from bookworm-backports, when Debian's mirror
# serves it: Debian 12's own QEMU 7.2 cannot start the child processes the QML tests use).
#
# Usage: scripts/build-arm64.sh [--unit-only] [--no-tests] [--package]
#   --unit-only  build the core and tools with their unit tests only, and run those (CI)
#   --no-tests   build, run nothing
#   --package    also make the arm64 .deb (packaging/README.md)
# The build tree is build-arm64/; ccache is used when installed.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

unit_only=0
run_tests=1
make_package=0
for argument in "$@"; do
    case "$argument" in
    --unit-only) unit_only=1 ;;
    --no-tests) run_tests=0 ;;
    --package) make_package=1 ;;
    *) echo "usage: $0 [--unit-only] [--no-tests] [--package]" >&2; exit 2 ;;
    esac
done

. "$top/scripts/apt.sh"

# The host side: the amd64 build's packages (its Qt gives moc, rcc, qmlcachegen, lrelease...).
"$top/scripts/setup-debian.sh"

# The arm64 side. Libraries of the core, then Qt and the QML modules the app and its tests load.
core_packages=(
    libssl-dev libsqlite3-dev libcurl4-openssl-dev libarchive-dev libzip-dev zlib1g-dev
    libgtest-dev libgmock-dev
)
app_packages=(
    qt6-base-dev qt6-declarative-dev qt6-qpa-plugins libgl-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtquick qml6-module-qtquick-controls
    qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtquick-dialogs
    qml6-module-qtcore qml6-module-qt-labs-settings qml6-module-qt-labs-folderlistmodel
)
wanted=(crossbuild-essential-arm64 pkgconf:arm64)
for package in "${core_packages[@]}"; do wanted+=("$package:arm64"); done
if [ "$unit_only" = 0 ]; then
    for package in "${app_packages[@]}"; do wanted+=("$package:arm64"); done
fi

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "Adding the arm64 architecture to dpkg"
    as_root dpkg --add-architecture arm64
    as_root apt-get update -qq
    AMICUS_APT_UPDATED=1
fi

# QEMU 10 from bookworm-backports when the mirror has it; else Debian 12's QEMU 7.2 (then the
# tests that start a child process fail: QEMU 7.2 refuses the clone() flags QProcess uses).
backports_list=/etc/apt/sources.list.d/amicus-bookworm-backports.list
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "Adding bookworm-backports (for QEMU 10) as $backports_list"
    echo "deb http://deb.debian.org/debian bookworm-backports main" | as_root tee "$backports_list" >/dev/null
    as_root apt-get update -qq || true
    AMICUS_APT_UPDATED=1
fi
qemu_release=()
qemu_policy=$(apt-cache policy qemu-user-static 2>/dev/null || true)
if grep -q "bookworm-backports" <<<"$qemu_policy"; then
    qemu_release=(-t bookworm-backports)
fi

install_missing "${wanted[@]}"
# QEMU 8 or newer runs QProcess; an older one is replaced by the backports' when there is one.
qemu_major=$(qemu-aarch64-static --version 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p' | head -1 || true)
if [ "${qemu_major:-0}" -lt 8 ] && { [ ${#qemu_release[@]} -gt 0 ] || [ -z "$qemu_major" ]; }; then
    echo "Installing qemu-user-static ${qemu_release[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${qemu_release[@]}" qemu-user-static >/dev/null
fi
echo "QEMU: $(qemu-aarch64-static --version | head -1)"

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
app=ON
if [ "$unit_only" = 1 ]; then app=OFF; fi

echo "== arm64 cross build (build-arm64/)"
cmake -S . -B build-arm64 -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_TOOLCHAIN_FILE="$top/cmake/aarch64-linux-gnu.cmake" "${launcher[@]}" \
    -DAMICUS_BUILD_APP=$app -DAMICUS_BUILD_BENCH=OFF >/dev/null
jobs=${AMICUS_JOBS:-$(nproc)}
cmake --build build-arm64 -j"$jobs"
file build-arm64/tools/amicusctl/amicusctl 2>/dev/null | sed 's/^/built: /' || true

if [ "$make_package" = 1 ]; then
    (cd build-arm64 && cpack -G DEB)
fi

[ "$run_tests" = 1 ] || exit 0
export QT_QPA_PLATFORM=offscreen TZ=UTC
# The tests run each arm64 program through qemu-aarch64-static; the sysroot is the usual
# root (multiarch), so QEMU needs no -L for the dynamic loader.
echo "== arm64 tests under $(qemu-aarch64-static --version | head -1)"
if [ "$unit_only" = 1 ]; then
    ctest --test-dir build-arm64 -L unit --output-on-failure -j"$jobs"
else
    ctest --test-dir build-arm64 -L 'unit|qml' -LE lint --output-on-failure -j"$jobs"
fi
