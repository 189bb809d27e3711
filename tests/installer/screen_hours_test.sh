#!/usr/bin/env bash
# The kiosk session keeps the screen on during kiosk.conf's [display] hours and lets it
# blank when idle outside them, on a real X server (Xvfb, kept from resetting between the
# clients so that the settings stay for xset q to read).
#   tests/installer/screen_hours_test.sh PATH/TO/screen-hours
set -euo pipefail
script=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '[reader]\nkind = pn532\n[display]\nawake_from = 06:30\nawake_until = 21:00\n' >"$work/day.conf"
printf '[display]\nawake_from = 20:00\nawake_until = 06:00\n' >"$work/night.conf"

cat >"$work/cases.sh" <<'CASES'
set -uo pipefail
script=$1
work=$2
failures=0
expect() {  # expect CONF TIME PERIOD SCREENSAVER_TIMEOUT
    local said timeout
    said=$(sh "$script" "$1" --once --at "$2")
    timeout=$(xset q | awk '/timeout:/ { print $2; exit }')
    if [ "$said" = "screen-hours: $3" ] && [ "$timeout" = "$4" ]; then
        echo "ok   - $(basename "$1") at $2: $3 (screen saver timeout $timeout)"
    else
        echo "FAIL - $(basename "$1") at $2: said '$said', screen saver timeout $timeout; expected $3, $4"
        failures=$((failures + 1))
    fi
}
expect "$work/day.conf" 12:00 awake 0
expect "$work/day.conf" 06:29 idle 300
expect "$work/day.conf" 06:30 awake 0
expect "$work/day.conf" 21:00 idle 300
expect "$work/night.conf" 23:30 awake 0
expect "$work/night.conf" 12:00 idle 300
expect "$work/night.conf" 05:59 awake 0
expect /nonexistent.conf 07:00 awake 0
expect /nonexistent.conf 22:00 idle 300
exit $failures
CASES
xvfb-run -a -s "-noreset -nolisten tcp" bash "$work/cases.sh" "$script" "$work"
