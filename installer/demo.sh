#!/usr/bin/env bash
# Installs the dependencies, builds, creates the demo agency in the default database
# location and shows what a custodian sees: the ledger, overdue devices, the cabinet,
# and a verified audit chain.
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

# The database goes to the default location (~/.local/share/custody-kiosk/custody.db),
# or to $CUSTODY_DB if set; the demo never overwrites a database that is not a demo.
ctl=build/release/kiosk/cli/custodyctl

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
echo "custodyctl --help 查看全部命令 / lists every command: $ctl --help"
