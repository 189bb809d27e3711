#!/usr/bin/env bash
# Installs the dependencies, builds, creates the demo agency in the default database
# location and shows what a custodian sees: the ledger, overdue devices, the cabinet, a
# verified audit chain, the offload jobs and a verified footage archive; then the
# simulated badge reader, cabinet board and cameras, read through the real adapters
# (installer/demo-hardware.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh
# The kiosk preset builds the programs only: the demo needs no test tools.
cmake --preset kiosk >/dev/null
cmake --build --preset kiosk

# The database goes to the default location (~/.local/share/custody-kiosk/custody.db),
# or to $CUSTODY_DB if set; the demo never overwrites a database that is not a demo.
ctl=build/kiosk/kiosk/cli/custodyctl

echo
"$ctl" demo
echo
echo "== 近两天的使用台账 / ledger of the last two days (R5) =="
"$ctl" ledger --from "$(date -d '-2 days' +%F)"
echo
echo "== 柜内与领出设备 / the cabinet and the devices out =="
"$ctl" devices
echo
echo "== 超期未归还导出 / overdue for offload (R14) =="
"$ctl" overdue
echo
echo "== 审计链核对 / audit chain =="
"$ctl" verify
echo
# The archive is beside the database, or at $CUSTODY_ARCHIVE if set.
echo "== 最近的导出任务 / the latest offload jobs (R14, R15) =="
"$ctl" offload jobs | sed -n 1,6p
echo "   ..."
echo
echo "== 录像存档核对 / the footage archive, re-read against the database and SHA256SUMS (R12, R16) =="
"$ctl" verify --archive
echo
installer/demo-hardware.sh build/kiosk "${CUSTODY_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/custody-kiosk/custody.db}"
echo
echo "custodyctl --help 查看全部命令 / lists every command: $ctl --help"
