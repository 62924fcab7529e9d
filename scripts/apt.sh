# Sourced by the set-up scripts: installs Debian packages that are not installed yet, as root or
# through sudo. Written once here so every script skips, elevates and reports the same way.

# as_root COMMAND...: runs COMMAND as root (directly, or through sudo for another user).
as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "Run this as root or install sudo." >&2
        return 1
    fi
}

# is_installed PACKAGE: true when dpkg has PACKAGE (name or name:arch) installed.
is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# install_missing PACKAGE...: installs those of PACKAGE... not installed yet, after one
# `apt-get update`; prints what it installs and nothing when all are there.
install_missing() {
    local missing=() package
    for package in "$@"; do
        is_installed "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    if [ -z "${AMICUS_APT_UPDATED:-}" ]; then
        as_root apt-get update -qq
        AMICUS_APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}
