#!/usr/bin/env bash
# Installs the dependencies, builds, creates the demo agency in the default database
# location and starts the touchscreen kiosk on it with the simulated cabinet, badge
# reader and cameras, and a simulator window to tap badges and dock or take out cameras.
# Without a display it shows what a custodian sees from the command line instead (the
# ledger, the cabinet, a verified audit chain and footage archive, the simulated hardware
# read through the real adapters) and photographs the kiosk on a virtual display.
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh
# The kiosk preset builds the programs only: the demo needs no test tools.
cmake --preset kiosk >/dev/null
cmake --build --preset kiosk

# The database goes to the default location (~/.local/share/custody-kiosk/custody.db),
# or to $CUSTODY_DB if set; the demo never overwrites a database that is not a demo.
ctl=build/kiosk/kiosk/cli/custodyctl
kiosk=build/kiosk/kiosk/ui/custody-kiosk
db=${CUSTODY_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/custody-kiosk/custody.db}

echo
"$ctl" --db "$db" demo
echo

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    cat <<TEXT
== 触摸屏终端 / the touchscreen kiosk ==
   右侧“模拟器”窗口：选一张卡“刷卡”领用；把领出的记录仪插入空柜位归还；从打开的柜位取出记录仪。
   The simulator window beside it: tap a badge to take a camera, dock a camera that is out
   into an empty slot to return it, take the camera out of the slot that opened.
   保管员模式 / custodian mode: 保管员 → a keeper's badge → PIN 246810
   命令行 / from a shell: $ctl sim tap UID | dock SLOT SERIAL | take SLOT | screen
TEXT
    exec "$kiosk" --demo --db "$db"
fi

echo "== 近两天的使用台账 / ledger of the last two days (R5) =="
"$ctl" --db "$db" ledger --from "$(date -d '-2 days' +%F)"
echo
echo "== 柜内与领出设备 / the cabinet and the devices out =="
"$ctl" --db "$db" devices
echo
echo "== 审计链核对 / audit chain =="
"$ctl" --db "$db" verify
echo
echo "== 录像存档核对 / the footage archive, re-read against the database and SHA256SUMS (R12, R16) =="
"$ctl" --db "$db" verify --archive
echo
installer/demo-hardware.sh build/kiosk "$db"
echo
echo "== PDF 报表 / PDF reports (R2, R3, R5, R9, R13, R20, R21, R26) =="
reports=$(dirname "$db")/reports
mkdir -p "$reports"
for kind in ledger custody evidence-form disc-label receipt reconciliation interruption \
            asset-register depreciation repairs compensation-notice compensation-register allocation; do
    "$ctl" --db "$db" report "$kind" --out "$reports/$kind.pdf"
done
echo "   打印：加 --print [队列]（custodyctl printers 列出队列） / to print: add --print [QUEUE] (custodyctl printers lists them)"
echo
# No screen here: the kiosk runs on a virtual one for a moment, long enough to photograph.
shot=$(dirname "$db")/kiosk-idle.png
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash -c '
    "$1" --demo --db "$2" --full-screen --size 1280x800 >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do "$3" --db "$2" sim screen 2>/dev/null | grep -q "^screen idle" && break; sleep 0.1; done
    sleep 0.5
    import -window root "$4"
    kill $pid; wait $pid 2>/dev/null || true' _ "$kiosk" "$db" "$ctl" "$shot"
echo "== 没有显示器：终端在虚拟显示器上运行并截图 / no display here: the kiosk ran on a virtual one =="
echo "   $shot"
echo "   有显示器时本命令直接打开触摸屏终端 / on a machine with a display this command opens the kiosk itself"
echo
echo "custodyctl --help 查看全部命令 / lists every command: $ctl --help"
