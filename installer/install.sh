#!/usr/bin/env bash
# Installs custody-kiosk from this source checkout on a Debian 12 machine that does not
# use the package: the same files in the same places as the .deb, then the package's own
# postinst (the custody user, /etc/custody-kiosk/kiosk.conf, /var/lib/custody-kiosk with
# an initialised database and key, the units enabled, the udev rules loaded).
#   sudo installer/install.sh                   build (optimised, no tests) and install
#   sudo installer/install.sh --prebuilt DIR    install what DIR, a configured build, holds
set -euo pipefail
cd "$(dirname "$0")/.."

build=
if [ "${1:-}" = "--prebuilt" ]; then
    build=${2:?--prebuilt needs a build directory}
elif [ -n "${1:-}" ]; then
    echo "用法 / usage: installer/install.sh [--prebuilt BUILD_DIR]" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "需要 root 权限 / run as root: sudo installer/install.sh" >&2
    exit 1
fi

installer/deps.sh
# What the package depends on or recommends beyond the build's libraries: the system
# user's tools and the kiosk session's X server.
runtime=(adduser udev xserver-xorg-core xserver-xorg-input-libinput xinit x11-xserver-utils cups)
missing=()
for p in "${runtime[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "安装运行环境 / installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -z "$build" ]; then
    cmake --preset kiosk >/dev/null
    cmake --build --preset kiosk
    build=build/kiosk
fi
cmake --install "$build" --prefix /usr --strip
# deb-systemd-helper, which enables the units, serves maintainer scripts only.
DPKG_MAINTSCRIPT_PACKAGE=custody-kiosk DPKG_MAINTSCRIPT_NAME=postinst installer/package/debian/postinst configure
echo "已安装 / installed. 启动 / start: systemctl start custody-kiosk (开机自动启动 / it starts at every boot)"
