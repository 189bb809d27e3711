#!/usr/bin/env bash
# custody-kiosk under systemd's eyes: started the way custody-kiosk.service starts it
# (NOTIFY_SOCKET, WATCHDOG_USEC, JOURNAL_STREAM), on a real X server, it says READY once
# its screen is up, keeps pinging the watchdog from its UI loop, and says STOPPING when
# systemd stops it with SIGTERM.
#   tests/kiosk/service_notify.sh CUSTODY_KIOSK CUSTODYCTL CABINET_SIM   (under xvfb-run)
set -euo pipefail
kiosk=$1
ctl=$2
cabinet_sim=$3
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$ctl" --db "$work/custody.db" init --slots 4 >/dev/null
# The kiosk needs its cabinet board: the simulator, over Modbus TCP on loopback.
"$cabinet_sim" --slots 4 --tcp 127.0.0.1:0 </dev/null >"$work/cabinet.out" 2>"$work/cabinet.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/cabinet.out" ] && break; sleep 0.1; done
printf '[cabinet]\nlink = %s\n' "$(head -n1 "$work/cabinet.out")" >"$work/kiosk.conf"
# What the service manager would receive: one line per datagram.
python3 -u - "$work/notify" >"$work/received" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print("listening", flush=True)
while True:
    print(s.recv(4096).decode(), flush=True)
PY
pids+=($!)
for _ in $(seq 100); do grep -q listening "$work/received" 2>/dev/null && break; sleep 0.1; done

NOTIFY_SOCKET=$work/notify WATCHDOG_USEC=1000000 LIBNFC_AUTO_SCAN=false \
    "$kiosk" --db "$work/custody.db" --config "$work/kiosk.conf" --windowed --size 1280x800 \
    >"$work/kiosk.out" 2>&1 &
kiosk_pid=$!
pids+=($kiosk_pid)

count() { grep -c -x "$1" "$work/received" || true; }
# Generous: a sanitizer build on a busy machine starts slowly. Only the order and the
# count of messages are checked, never how long they took.
for _ in $(seq 1200); do
    [ "$(count READY=1)" -ge 1 ] && [ "$(count WATCHDOG=1)" -ge 3 ] && break
    kill -0 $kiosk_pid 2>/dev/null || break
    sleep 0.1
done
failures=0
expect() {
    if eval "$2"; then echo "ok   - $1"; else echo "FAIL - $1"; failures=$((failures + 1)); fi
}
expect "READY=1 once the screen is up" '[ "$(count READY=1)" -eq 1 ]'
expect "the watchdog is pinged again and again" '[ "$(count WATCHDOG=1)" -ge 3 ]'
expect "READY comes before the last ping" \
    '[ "$(grep -n -x READY=1 "$work/received" | cut -d: -f1)" -lt "$(grep -n -x WATCHDOG=1 "$work/received" | tail -n1 | cut -d: -f1)" ]'
kill -TERM $kiosk_pid
wait $kiosk_pid 2>/dev/null || true
sleep 0.2
expect "STOPPING=1 on SIGTERM" '[ "$(count STOPPING=1)" -eq 1 ]'
if [ "$failures" -ne 0 ]; then
    echo "received:"; sed 's/^/  /' "$work/received"
    echo "kiosk output:"; tail -n 20 "$work/kiosk.out" | sed 's/^/  /'
fi
exit "$failures"
