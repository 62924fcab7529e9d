#!/usr/bin/env bash
# Makes the amicus .deb from the build tree (CPack), installs it on this machine with apt (the
# dependencies must already be there: scripts/setup-debian.sh installs them), checks what it
# declares and installs, renders the first screen and the calls screen with the installed
# /usr/bin/amicus in English, French and Spanish, then purges it and checks nothing it
# installed is left. Needs root (or sudo without a password); exits 77 (skipped) otherwise,
# and when an amicus package is already installed (it would be replaced, then removed).
# Usage: check_installed_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)

sudo=""
if [ "$(id -u)" != 0 ]; then
    if ! sudo -n true 2>/dev/null; then
        echo "SKIP: installing a package needs root or sudo without a password"
        exit 77
    fi
    sudo="sudo -n"
fi
if dpkg-query -W -f='${Status}' amicus 2>/dev/null | grep -q "installed"; then
    echo "SKIP: an amicus package is already installed here; not replacing it"
    exit 77
fi

work=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        $sudo apt-get purge -y -qq -o DPkg::Lock::Timeout=300 amicus >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}

# The package, made as a user makes it (cpack in the build tree), into a folder of our own.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/amicus_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no amicus_*_amd64.deb: $(ls "$work/out")"
echo "made $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# What it declares: dependencies found by dpkg-shlibdeps (Qt Quick from the binary), and the
# run-time ones it cannot see (QML modules, libcurl and libarchive loaded on first use).
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in libqt6quick6 libqt6gui6 libssl3 libsqlite3-0 libc6 qml6-module-qtquick-controls \
    qml6-module-qtquick-dialogs libcurl4 libarchive13; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "Architecture is not amd64"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' >"$work/files"
for file in /usr/bin/amicus /usr/share/applications/org.amicus.Amicus.desktop \
    /usr/share/icons/hicolor/scalable/apps/org.amicus.Amicus.svg \
    /usr/share/metainfo/org.amicus.Amicus.metainfo.xml /usr/share/doc/amicus/copyright; do
    grep -qx "$file" "$work/files" || fail "the package lacks $file"
done

# Install it as a user would. Every dependency must already be here (setup-debian.sh installs
# them): apt plans to install amicus and nothing else.
apt-get install -s --no-install-recommends "$deb" >"$work/plan.log" 2>&1 ||
    { cat "$work/plan.log"; fail "apt-get cannot install it"; }
others=$(awk '$1 == "Inst" && $2 != "amicus" {print $2}' "$work/plan.log" | tr '\n' ' ')
[ -z "$others" ] || fail "installing it would also install: $others"
$sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
    "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install failed"; }
installed=1
dpkg-query -W -f='${Status}' amicus | grep -q "install ok installed" || fail "not installed"
while read -r file; do
    [ -e "$file" ] || fail "$file missing after installing"
done <"$work/files"
desktop-file-validate /usr/share/applications/org.amicus.Amicus.desktop ||
    fail "desktop-file-validate"
appstreamcli validate --no-net --explain /usr/share/metainfo/org.amicus.Amicus.metainfo.xml ||
    fail "appstreamcli validate"

# The installed program, away from the build tree, with a home of its own (no user data read).
cd "$work"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
for lang in en fr es; do
    /usr/bin/amicus --screenshot "$work/first_$lang.png" --lang "$lang" ||
        fail "amicus --screenshot --lang $lang"
    /usr/bin/amicus --screenshot "$work/calls_$lang.png" --screen calls --sample --lang "$lang" ||
        fail "amicus --screenshot --screen calls --sample --lang $lang"
    for shot in first calls; do
        file "$work/${shot}_$lang.png" | grep -q "PNG image data" || fail "${shot}_$lang.png is no PNG"
    done
done
# Each language shows its own words, so the three pictures of a screen differ.
for shot in first calls; do
    [ "$(sha256sum "$work"/${shot}_{en,fr,es}.png | awk '{print $1}' | sort -u | wc -l)" = 3 ] ||
        fail "the $shot screen looks the same in two languages"
done
echo "rendered the first and calls screens in en, fr, es with /usr/bin/amicus"

# Removing it leaves none of its files and no package record.
$sudo apt-get purge -y -qq -o DPkg::Lock::Timeout=300 amicus >"$work/purge.log" 2>&1 ||
    { cat "$work/purge.log"; fail "apt-get purge failed"; }
installed=0
if dpkg-query -W -f='${Status}' amicus 2>/dev/null | grep -q "installed"; then
    fail "still installed after purge"
fi
while read -r file; do
    [ ! -e "$file" ] || fail "$file left after purge"
done <"$work/files"
echo "installed, ran and purged cleanly"
