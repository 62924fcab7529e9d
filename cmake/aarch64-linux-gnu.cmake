# Cross-building for arm64 Linux (Mobian, postmarketOS-like phones) on Debian multiarch:
# the compilers from crossbuild-essential-arm64, the libraries and Qt from the `:arm64`
# packages, and Qt's build tools (moc, rcc, qmlcachegen, ...) from the host's own Qt, named by
# QT_HOST_PATH. Tests run through qemu-aarch64-static (this machine has no binfmt_misc).
# scripts/build-arm64.sh installs all of it and uses this file.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Debian's multiarch libraries live under the usual root (/usr/lib/aarch64-linux-gnu,
# /usr/include/aarch64-linux-gnu): no sysroot. Never pick up host programs as target ones,
# but take headers, libraries and CMake packages from the target's directories.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# The arm64 Qt's CMake files look for its tools under QT_HOST_PATH (the amd64 Qt 6).
set(QT_HOST_PATH /usr CACHE PATH "Where the host Qt 6 and its tools are")
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake CACHE PATH "The host Qt 6's CMake files")
# Debian's arm64 Qt was not itself cross-built, so it does not know its host: naming the host's
# Qt6HostInfo makes find_package(Qt6 COMPONENTS ...Tools) take every *Tools package (moc, rcc,
# qmlcachegen, qmltyperegistrar, lrelease) from the amd64 Qt.
set(Qt6HostInfo_DIR ${QT_HOST_PATH_CMAKE_DIR}/Qt6HostInfo CACHE PATH "The host Qt 6's host info")

# pkg-config for the target (pkgconf:arm64 installs it): libzip's and others' .pc files.
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "pkg-config for arm64")

# Every arm64 program the build or the tests start goes through the emulator.
find_program(AMICUS_QEMU_AARCH64 qemu-aarch64-static)
if(AMICUS_QEMU_AARCH64)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${AMICUS_QEMU_AARCH64})
endif()
