#!/usr/bin/env bash
# A newcomer's walk through the demo kiosk, checked end to end (R5, R7, R9, R10, R13-R15):
# idle -> a refused unknown badge -> checkout by badge tap (the cabinet simulator sees the
# unlock) -> the camera taken -> docked again -> offload -> the two questions -> ready;
# then custodian login with the PIN, the slot grid, a device, the reconciliation saved,
# the interruption records, and the idle screen in English. Runs inside xvfb-run.
#   walkthrough.sh KIOSK CUSTODYCTL SCREENSHOT_DIR
set -euo pipefail
kiosk=$1
ctl_bin=$2
shots=$3
work=$(mktemp -d)
mkdir -p "$shots"
db="$work/custody.db"
ctl() { "$ctl_bin" --db "$db" --lang en "$@"; }
kiosk_pid=
cleanup() {
    [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null && wait "$kiosk_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    echo "--- screen:" >&2; ctl sim screen >&2 || true
    echo "--- kiosk log:" >&2; tail -n 40 "$work/kiosk.err" >&2 || true
    exit 1
}

# A week of demo data is enough: the walk-through needs officers, badges and cameras.
"$ctl_bin" --db "$db" --lang en demo --days 7 >"$work/demo.out"
badge=$(grep -o 'checkout --badge [0-9A-F]*' "$work/demo.out" | awk '{print $3}')
[ -n "$badge" ] || fail "the demo names no badge to try"
officer=$(sqlite3 "$db" "SELECT o.number FROM badges b JOIN officers o ON o.id = b.officer_id WHERE b.uid = '$badge'")
keeper_badge=$(sqlite3 "$db" "SELECT b.uid FROM badges b JOIN officers o ON o.id = b.officer_id
                              WHERE o.role = 'keeper' AND o.active = 1 AND b.revoked_at_ms IS NULL LIMIT 1")
[ -n "$keeper_badge" ] || fail "the demo has no keeper badge"

"$kiosk" --demo --db "$db" --windowed --size 1280x800 --lang zh >"$work/kiosk.out" 2>"$work/kiosk.err" &
kiosk_pid=$!

# Waits until the screen's description matches a pattern (bounded: this guards a hang,
# it measures nothing).
screen_is() {
    local want=$1
    for _ in $(seq 300); do
        if ctl sim screen 2>/dev/null | grep -q "$want"; then return 0; fi
        kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk exited while waiting for $want"
        sleep 0.1
    done
    fail "the screen never showed: $want"
}
tap_button() {
    local line
    line=$(ctl sim screen | awk -v n="$1" '$1 == "button" && $2 == n')
    [ -n "$line" ] || fail "no button $1 on the screen"
    read -r _ _ x y w h <<<"$line"
    xdotool mousemove --sync $((x + w / 2)) $((y + h / 2)) click 1
}
# Taps a button and waits for the screen it leads to. When the button is still there and
# the screen has not changed, the tap missed (the screen was redrawn under the finger on a
# busy machine) and is made again, as a person would; at most three times.
tap_to() {
    local button=$1 want=$2
    for _ in 1 2 3; do
        tap_button "$button"
        for _ in $(seq 100); do
            ctl sim screen 2>/dev/null | grep -q "$want" && return 0
            sleep 0.1
        done
        ctl sim screen | awk -v n="$button" '$1 == "button" && $2 == n' | grep -q . ||
            fail "after tapping $button the screen never showed: $want"
    done
    fail "three taps on $button and the screen never showed: $want"
}
shot() {
    local win
    win=$(xdotool search --onlyvisible --name '^custody-kiosk$' | head -n1)
    sleep 0.3  # the redraw after the last change lands within one frame
    import -window "$win" "$shots/$1.png"
}

screen_is "^screen idle"
shot 01-idle

# An unknown badge is refused with its reason, and the refusal is audited (R5).
ctl sim tap 04FFEE01 >/dev/null
screen_is "^screen refused"
shot 02-refused-unknown-badge
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE subject LIKE '%04FFEE01%' OR detail LIKE '%04FFEE01%'")" -ge 1 ] ||
    fail "the refusal of 04FFEE01 is not in the audit log"
tap_to back "^screen idle"

# Checkout by one tap: the slot is unlocked through the cabinet (R7).
ctl sim tap "$badge" >/dev/null
screen_is "^screen checkout-issued"
shot 03-checkout-take-camera
read -r _ slot serial <<<"$(ctl sim screen | grep '^checkout-slot')"
ctl sim cabinet "$slot" | grep -q 'door=open' || fail "slot $slot was not unlocked"
ctl sim cabinet "$slot" | grep -Eq 'pulses=[1-9]' || fail "slot $slot saw no unlock pulse"
ctl sim take "$slot" >/dev/null
screen_is "^screen checkout-taken"
shot 04-checkout-taken
ctl ledger --officer "$officer" --format csv | tail -n1 | grep -q "$serial" || fail "the ledger lacks the checkout of $serial"
[ "$(sqlite3 "$db" "SELECT status FROM devices WHERE serial = '$serial'")" = out ] || fail "$serial is not out"

# The camera comes back: return, offload, questions, ready (R14, R15).
ctl sim dock "$slot" "$serial" >/dev/null
screen_is "^screen return"
shot 05-return-offloading
screen_is "offload done"
shot 06-return-offloaded
screen_is "button fault-0"
tap_to fault-0 "button interruption-0"
tap_to interruption-0 "button done"
tap_to done "^screen idle"
[ "$(sqlite3 "$db" "SELECT status FROM devices WHERE serial = '$serial'")" = in_service ] ||
    fail "$serial is not back in service after its offload"
[ "$(sqlite3 "$db" "SELECT j.state FROM offload_jobs j JOIN devices d ON d.id = j.device_id
                   WHERE d.serial = '$serial' ORDER BY j.id DESC LIMIT 1")" = complete ] ||
    fail "the offload job of $serial is not complete"
ctl verify >/dev/null || fail "custodyctl verify failed after the walk-through"
ctl verify --archive >/dev/null || fail "the footage archive does not verify"

# Types a PIN on the keypad, digit by digit, checking the count of dots after each.
enter_pin() {
    local n=0 d
    for d in $(echo "$1" | grep -o .); do
        n=$((n + 1))
        for _ in 1 2 3; do
            tap_button "pin-$d"
            for _ in $(seq 100); do ctl sim screen | grep -q "^pin-digits $n" && break 2; sleep 0.1; done
            # A missed tap leaves the count as it was; anything else is a failure.
            ctl sim screen | grep -q "^pin-digits $((n - 1))" || fail "the PIN keypad lost count at digit $n"
        done
        ctl sim screen | grep -q "^pin-digits $n" || fail "digit $n of the PIN never registered"
    done
}

# Custodian mode: badge, PIN on the keypad, the slots, a device, the reconciliation.
tap_to custodian "^screen custodian-badge"
ctl sim tap "$keeper_badge" >/dev/null
screen_is "^screen custodian-pin"
enter_pin 246810
shot 07-custodian-pin
tap_to pin-enter "^screen custodian-slots"
shot 08-custodian-slots
tap_to "slot-$slot" "^screen device-detail"
shot 09-device-detail
tap_to back "^screen custodian-slots"
tap_to reconcile "^screen reconciliation"
# The demo saves a reconciliation of its own: the kiosk's is the one after it.
recs_before=$(sqlite3 "$db" "SELECT count(*) FROM reconciliations")
saved=0
for _ in 1 2 3; do
    tap_button save-reconciliation
    for _ in $(seq 100); do
        [ "$(sqlite3 "$db" "SELECT count(*) FROM reconciliations")" -gt "$recs_before" ] && { saved=1; break; }
        sleep 0.1
    done
    [ "$saved" -eq 1 ] && break
done
shot 10-reconciliation
[ "$(sqlite3 "$db" "SELECT count(*) FROM reconciliations")" -gt "$recs_before" ] || fail "no reconciliation record was saved"
# The saved reconciliation's print button: the kiosk makes the report and keeps it beside
# the database before it goes to a printer (the print itself is tested against a real
# cupsd in tests/terminal/print_buttons_test.cpp; here no print server runs).
saved_id=$(sqlite3 "$db" "SELECT max(id) FROM reconciliations")
tap_button print-reconciliation
report=""
for _ in $(seq 150); do
    report=$(ls "$db.reports"/reconciliation-*.pdf 2>/dev/null | head -n1 || true)
    [ -n "$report" ] && break
    sleep 0.1
done
[ -n "$report" ] || fail "the print button made no report in $db.reports"
for _ in $(seq 50); do pdftotext -q "$report" - >/dev/null 2>&1 && break; sleep 0.1; done
pdftotext -q "$report" - | tr -d ' \n' | grep -q "盘点记录${saved_id}" ||
    fail "the printed reconciliation report is not record $saved_id"
shot 10b-reconciliation-printed
tap_to back "^screen custodian-slots"
tap_to interruptions "^screen interruptions"
shot 11-interruptions
tap_to home "^screen idle"

# Finance staff: badge and PIN open the finance screen, where a case waiting for finance
# is approved (R26); custodian mode's screens are not theirs.
finance_badge=$(sqlite3 "$db" "SELECT b.uid FROM badges b JOIN officers o ON o.id = b.officer_id
                              WHERE o.role = 'finance' LIMIT 1")
[ -n "$finance_badge" ] || fail "the demo has no finance clerk with a badge"
case_id=$(sqlite3 "$db" "SELECT c.id FROM compensation_cases c WHERE (SELECT kind FROM compensation_events e
                         WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1) = 'unit_head_review' LIMIT 1")
[ -n "$case_id" ] || fail "the demo has no compensation case waiting for finance"
tap_to custodian "^screen custodian-badge"
ctl sim tap "$finance_badge" >/dev/null
screen_is "^screen custodian-pin"
enter_pin 246810
tap_to pin-enter "^screen finance"
screen_is "button finance-approve-$case_id"
shot 11b-finance
tap_button "finance-approve-$case_id"
for _ in $(seq 100); do
    [ "$(sqlite3 "$db" "SELECT count(*) FROM compensation_events WHERE case_id = $case_id AND kind = 'finance_review'")" = 1 ] && break
    sleep 0.1
done
[ "$(sqlite3 "$db" "SELECT count(*) FROM compensation_events WHERE case_id = $case_id AND kind = 'finance_review'")" = 1 ] ||
    fail "approving case $case_id on the finance screen recorded no finance review"
shot 11c-finance-approved
tap_to home "^screen idle"

# English on a tap.
tap_button language
sleep 0.5
shot 12-idle-english
ctl verify >/dev/null || fail "custodyctl verify failed at the end"

# A kiosk told to stop (SIGTERM, as systemd does) stops its simulators with it.
children=$(pgrep -P "$kiosk_pid" | tr '\n' ' ')
[ -n "$children" ] || fail "the demo kiosk runs no simulators"
kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=
[ "$status" -eq 0 ] || fail "the kiosk exited with $status on SIGTERM"
for pid in $children; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then fail "simulator $pid outlived the kiosk"; fi
done
echo "walk-through passed; screenshots in $shots"
