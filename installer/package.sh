#!/usr/bin/env bash
# Builds the shipped Debian package: the optimised programs without tests, stripped, with
# dependencies from dpkg-shlibdeps. Prints the path of the .deb it made.
#   installer/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
installer/deps.sh
cmake --preset kiosk >/dev/null
cmake --build --preset kiosk
(cd build/kiosk && cpack -G DEB >/dev/null)
ls "$PWD"/build/kiosk/custody-kiosk_*_amd64.deb
