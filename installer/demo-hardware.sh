#!/usr/bin/env bash
# The hardware half of the demo: the simulators an integrator would run instead of a real
# reader, cabinet board and cameras, driven through the same adapters the kiosk uses.
#   installer/demo-hardware.sh BUILD_DIR DATABASE
# Starts badge-sim and cabinet-sim, makes a simulated camera for each of the first three
# occupied slots of the demo database, writes a kiosk.conf for them, and shows what
# `custodyctl hw` reads. The simulators stop when it ends.
set -euo pipefail
build=$1
db=$2
ctl=("$build/kiosk/cli/custodyctl" --db "$db")
work=$(dirname "$db")/demo-hardware
rm -rf "$work"
mkdir -p "$work"

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

# A fifo keeps cabinet-sim's control input open, so the demo can dock a camera later.
mkfifo "$work/cabinet.ctl"
"$build/hardware/cabinet/cabinet-sim" --slots 24 --tcp 127.0.0.1:0 --serial DEMO-CABINET-01 \
    <"$work/cabinet.ctl" >"$work/cabinet.out" 2>"$work/cabinet.log" &
pids+=($!)
exec 7>"$work/cabinet.ctl"

# The badge of the demo agency's first officer lies on the simulated reader.
"$build/hardware/nfc/badge-sim" --uid 04A11000 </dev/null >"$work/badge.out" 2>"$work/badge.log" &
pids+=($!)

for _ in $(seq 50); do
    [ -s "$work/cabinet.out" ] && [ -s "$work/badge.out" ] && break
    sleep 0.1
done
cabinet=$(head -n1 "$work/cabinet.out")
pty=$(head -n1 "$work/badge.out")

cat >"$work/kiosk.conf" <<CONF
; Written by installer/demo-hardware.sh: the simulators standing in for the hardware.
[reader]
kind = pn532
connstring = pn532_uart:$pty:115200

[cabinet]
link = $cabinet

[camera]
library = $(realpath "$build/hardware/camera/libgat947-sim.so")
password = 123456
mount_timeout_ms = 0
CONF

# A simulated camera, carrying the demo database's serial, in each of the first three
# occupied slots; the cabinet sees a camera docked there.
last=
while read -r slot serial; do
    "$build/hardware/camera/camera-sim" init "$work/slot$slot" --serial "$serial" >"$work/slot$slot.conf"
    { echo; echo "[slot.$slot]"; cat "$work/slot$slot.conf"; } >>"$work/kiosk.conf"
    echo "dock $slot" >&7
    last=$slot
done < <("${ctl[@]}" --lang en devices | awk '$1 ~ /^[0-9]+$/ { print $1, $2 }' | head -n 3)
"$build/hardware/camera/camera-sim" fault "$work/slot$last" clock-off

hw() { "${ctl[@]}" hw "$1" --config "$work/kiosk.conf" "${@:2}"; }
export LIBNFC_AUTO_SCAN=false
echo "== 模拟硬件 / simulated hardware: $work/kiosk.conf =="
echo "   读卡器 / badge reader: badge-sim on $pty (libnfc pn532_uart)"
echo "   储存柜 / cabinet:      cabinet-sim on $cabinet (Modbus TCP)"
echo
echo "== custodyctl hw badge (刷卡 / a badge on the reader) =="
hw badge --timeout 10 2>>"$work/hw.log"
echo
echo "== custodyctl hw cabinet (控制板 / the cabinet board) =="
hw cabinet | head -n 7
echo "   ..."
echo
echo "== custodyctl hw dock (柜内执法记录仪 / the docked cameras; the last one's clock is an hour off) =="
hw dock
