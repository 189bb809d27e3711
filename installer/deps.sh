#!/usr/bin/env bash
# Installs what custody-kiosk needs on Debian 12, from Debian's own packages.
#   installer/deps.sh          build and run
#   installer/deps.sh --test   also the test and benchmark tools
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libssl-dev
  libnfc-dev libmodbus-dev libudev-dev
  libsystemd-dev  # the journal's structured fields and the service watchdog
  libavformat-dev libavcodec-dev libavutil-dev libexif-dev
  tzdata
  xorriso  # the evidence disc images (R19, R20)
  libwxgtk3.2-dev fonts-noto-cjk gettext  # the touchscreen kiosk, its Chinese text and catalogues
  xvfb xauth imagemagick  # without a display the demo runs on a virtual one and photographs it
  # PDF reports: libharu, the one CJK font it embeds correctly, QR codes, fontconfig to
  # read the font's characters; printing through CUPS.
  libhpdf-dev fonts-wqy-zenhei libqrencode-dev libfontconfig-dev libcups2-dev
  # asset cards as XLSX a finance office opens directly: written with libxlsxwriter, read
  # back (import) from the zip with libzip and its XML with expat.
  libxlsxwriter-dev libzip-dev libexpat1-dev
)
if [ "${1:-}" = "--test" ]; then
  # libnfc-bin (nfc-list) and mbpoll check the simulators with independent clients;
  # ffmpeg makes the small media files of the camera simulator and exiftool writes their
  # EXIF; clang builds the fuzzers; xdotool taps the kiosk under Xvfb; poppler-utils reads
  # the reports back; cups (a private cupsd per test) with cups-filters' PDF driver
  # receives the print jobs.
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev sqlite3
             libnfc-bin mbpoll socat ffmpeg libimage-exiftool-perl clang libclang-rt-14-dev
             xdotool poppler-utils cups cups-client cups-filters
             python3-openpyxl  # reads the exported workbooks independently
             # the Debian package: lintian checks it; it is installed into a throw-away
             # root that needs what it depends on (udev) and what its units start (xinit,
             # xset), for systemd-analyze verify and the screen-hours test; install.sh run
             # there wants the kiosk session's X server too.
             lintian udev xinit x11-xserver-utils xserver-xorg-core xserver-xorg-input-libinput
             xz-utils)  # unpacks the databases of earlier releases (tests/db/fixtures)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "需要 root 权限安装：${missing[*]} / root is needed to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "安装依赖 / installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
