#!/usr/bin/env bash
# The Debian package: built with CPack from this build, its contents and dependencies,
# lintian, then installed into a throw-away root (an overlay of this machine's root, so
# the runtime packages it depends on are there) to check what the maintainer scripts do:
# the custody user, the settings, the data folder with an initialised database and a
# private key, the units enabled and valid, an edited setting kept over a reinstall, and a
# purge that leaves the database and the footage archive in place.
# Last, installer/install.sh installs the same from the source checkout.
#   tests/installer/package_test.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d /tmp/custody-package.XXXXXX)
root=$work/root
failures=0

cleanup() {
    # The overlay lives in this script's own mount namespace (see below); only files remain.
    rm -rf "$work"
}
trap cleanup EXIT

check() {  # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then
        echo "ok   - $what"
    else
        echo "FAIL - $what"
        sed 's/^/       /' "$work/check.out" | head -n 20
        failures=$((failures + 1))
    fi
}

echo "== cpack =="
# gzip rather than the shipped package's xz: the sanitizer build's programs are large, and
# xz would spend most of this test compressing them.
(cd "$build" && cpack -G DEB -B "$work/out" -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/custody-kiosk_*_amd64.deb)
echo "built $(basename "$deb")"

echo "== contents =="
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents"
for f in /usr/bin/custody-kiosk /usr/bin/custodyctl /usr/bin/cabinet-sim /usr/bin/badge-sim /usr/bin/camera-sim \
         /usr/lib/custody-kiosk/libgat947-sim.so /usr/lib/custody-kiosk/kiosk-session /usr/lib/custody-kiosk/screen-hours \
         /usr/share/custody-kiosk/kiosk.conf \
         /usr/share/locale/zh_CN/LC_MESSAGES/custody-kiosk.mo /usr/share/locale/en/LC_MESSAGES/custody-kiosk.mo \
         /lib/systemd/system/custody-kiosk.service /lib/systemd/system/custody-maintenance.service \
         /lib/systemd/system/custody-maintenance.timer /lib/udev/rules.d/60-custody-kiosk.rules \
         /lib/modprobe.d/custody-kiosk.conf /usr/share/doc/custody-kiosk/copyright \
         /usr/share/doc/custody-kiosk/README.md /usr/share/doc/custody-kiosk/docs/guides/README.md \
         /usr/share/doc/custody-kiosk/docs/screenshots/01-idle.png \
         /usr/share/man/man1/custodyctl.1.gz /usr/share/man/man1/custody-kiosk.1.gz; do
    check "package has $f" grep -qx "$f" "$work/contents"
done
check "no file outside /usr, /lib" bash -c "! grep -vE '^/(usr|lib)(/|$)|^/$' '$work/contents'"
check "no test program is packaged" bash -c "! grep -E '_tests?$|/tests/' '$work/contents'"

echo "== control =="
depends=$(dpkg-deb -f "$deb" Depends)
for p in libwxgtk3.2 libnfc6 libmodbus5 libhpdf libcups2 libavformat59 libsqlite3-0 fonts-wqy-zenhei xorriso adduser; do
    check "depends on $p" grep -q "$p" <<<"$depends"
done
check "recommends the kiosk session's X server" grep -q "xserver-xorg-core" <<<"$(dpkg-deb -f "$deb" Recommends)"
for s in postinst prerm postrm; do
    check "$s is valid sh" bash -c "dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./$s | sh -n"
done

echo "== lintian =="
check "lintian: no errors" lintian --fail-on error "$deb"

echo "== install into a throw-away root =="
mkdir -p "$root" "$work/upper" "$work/overlay-work"
cp "$deb" "$work/upper/custody-kiosk.deb"
# The whole session below runs in a private mount namespace: when it ends, the overlay
# and the binds vanish with it and nothing of the install reaches this machine.
cat >"$work/in-root.sh" <<'SCRIPT'
set -euo pipefail
work=$1
root=$work/root
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/overlay-work" "$root"
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/run"  # no systemd or udev running in there
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# A machine that had the package before would have a custody user and a database: the
# throw-away root must start without them.
if in_root getent passwd custody >/dev/null; then echo "the custody user exists before install" >&2; exit 1; fi
rm -rf "$root/var/lib/custody-kiosk" "$root/etc/custody-kiosk"
# The source checkout and this build, at the same paths, for installer/install.sh.
for d in "$3" "$4"; do
    mkdir -p "$root$d"
    mount --bind "$d" "$root$d"
done
bash "$2" "$root" "$work" "$3" "$4"
SCRIPT
cat >"$work/checks.sh" <<'SCRIPT'
set -uo pipefail
root=$1
work=$2
src=$3
build=$4
failures=0
check() {
    local what=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then echo "ok   - $what"; else
        echo "FAIL - $what"; sed 's/^/       /' "$work/check.out" | head -n 20; failures=$((failures + 1)); fi
}
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }
as_custody() { in_root runuser -u custody -- env CUSTODY_CONF=/etc/custody-kiosk/kiosk.conf "$@"; }
mode_owner() { chroot "$root" stat -c '%a %U:%G' "$1"; }

check "dpkg -i" in_root dpkg -i /custody-kiosk.deb
check "custody system user" bash -c "chroot '$root' getent passwd custody | grep -q ':/var/lib/custody-kiosk:/usr/sbin/nologin$'"
check "custody user is in dialout and plugdev" bash -c "chroot '$root' id -nG custody | tr ' ' '\n' | grep -qx dialout && chroot '$root' id -nG custody | tr ' ' '\n' | grep -qx plugdev"
check "/var/lib/custody-kiosk is the custody user's alone" test "$(mode_owner /var/lib/custody-kiosk)" = "750 custody:custody"
check "the archive folder exists" test "$(mode_owner /var/lib/custody-kiosk/archive)" = "750 custody:custody"
check "database initialised" test "$(mode_owner /var/lib/custody-kiosk/custody.db | cut -d' ' -f2)" = "custody:custody"
check "signing key is 0600" test "$(mode_owner /var/lib/custody-kiosk/custody.db.key)" = "600 custody:custody"
check "kiosk.conf created from the template" cmp "$root/usr/share/custody-kiosk/kiosk.conf" "$root/etc/custody-kiosk/kiosk.conf"
check "kiosk.conf (the cameras' password) readable by the kiosk's group only" test "$(mode_owner /etc/custody-kiosk/kiosk.conf)" = "640 root:custody"
check "the installed programs read the installed settings (custodyctl status)" as_custody /usr/bin/custodyctl --db /var/lib/custody-kiosk/custody.db status --min-free-mb 1
check "the installed database verifies" as_custody /usr/bin/custodyctl --db /var/lib/custody-kiosk/custody.db verify
check "an administrator's sudo custodyctl acts as the custody user" in_root /usr/bin/custodyctl --db /var/lib/custody-kiosk/custody.db profile set agency_name 示范市公安局
check "and leaves no root-owned file beside the database" test -z "$(find "$root/var/lib/custody-kiosk" -user 0)"
check "so the kiosk's user still writes the database" as_custody /usr/bin/custodyctl --db /var/lib/custody-kiosk/custody.db profile set agency_name 示范市公安局交警支队
check "custodyctl finds the installed database by default" chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/bin HOME=/nonexistent runuser -u custody -- /usr/bin/custodyctl profile
check "kiosk service enabled (boots into the kiosk)" test -L "$root/etc/systemd/system/multi-user.target.wants/custody-kiosk.service"
check "maintenance timer enabled" test -L "$root/etc/systemd/system/timers.target.wants/custody-maintenance.timer"
check "systemd-analyze verify on the units" in_root systemd-analyze verify /lib/systemd/system/custody-kiosk.service \
    /lib/systemd/system/custody-maintenance.service /lib/systemd/system/custody-maintenance.timer
check "the simulator camera library is where the kiosk looks for it" test -f "$root/usr/lib/custody-kiosk/libgat947-sim.so"
check "the kiosk program starts (its usage)" bash -c "chroot '$root' /usr/bin/custody-kiosk --help | grep -q -- '--config'"

key_at_install=$(sha256sum <"$root/var/lib/custody-kiosk/custody.db.key" 2>/dev/null || echo "no key at install")
echo "; edited by the administrator" >>"$root/etc/custody-kiosk/kiosk.conf"
printf 'evidence' >"$root/var/lib/custody-kiosk/archive/kept.mp4"
check "reinstall (upgrade path)" in_root dpkg -i /custody-kiosk.deb
check "an edited kiosk.conf is never overwritten" grep -q "edited by the administrator" "$root/etc/custody-kiosk/kiosk.conf"
check "the new template is put beside it" cmp "$root/usr/share/custody-kiosk/kiosk.conf" "$root/etc/custody-kiosk/kiosk.conf.dist"
key_before=$(sha256sum <"$root/var/lib/custody-kiosk/custody.db.key" 2>/dev/null || echo "no key")
check "the existing database and key are kept" test "$key_before" = "$key_at_install"

check "dpkg --purge" in_root dpkg --purge custody-kiosk
check "purge removes the settings" test ! -e "$root/etc/custody-kiosk"
check "purge removes the programs" test ! -e "$root/usr/bin/custodyctl"
check "purge keeps the database" test -s "$root/var/lib/custody-kiosk/custody.db"
check "purge keeps the signing key" test "$key_at_install" = "$(sha256sum <"$root/var/lib/custody-kiosk/custody.db.key" 2>/dev/null)"
check "purge keeps the footage archive" test "$(cat "$root/var/lib/custody-kiosk/archive/kept.mp4")" = evidence
check "purge removes the unit links" test ! -e "$root/etc/systemd/system/multi-user.target.wants/custody-kiosk.service"

# From a source checkout, without the package: installer/install.sh on a machine that
# has neither the custody user nor its data.
in_root userdel custody
rm -rf "$root/var/lib/custody-kiosk"
check "installer/install.sh --prebuilt" in_root "$src/installer/install.sh" --prebuilt "$build"
check "install.sh: programs in place" test -x "$root/usr/bin/custodyctl" -a -x "$root/usr/bin/custody-kiosk"
check "install.sh: units in place and enabled" test -L "$root/etc/systemd/system/multi-user.target.wants/custody-kiosk.service"
check "install.sh: custody user" chroot "$root" getent passwd custody
check "install.sh: database and 0600 key" test "$(mode_owner /var/lib/custody-kiosk/custody.db.key)" = "600 custody:custody"
check "install.sh: settings" test -s "$root/etc/custody-kiosk/kiosk.conf"
check "install.sh: the installed database verifies" as_custody /usr/bin/custodyctl --db /var/lib/custody-kiosk/custody.db verify
echo "$failures" >"$work/root-failures"
SCRIPT
echo 1 >"$work/root-failures"
unshare --mount --propagation private bash "$work/in-root.sh" "$work" "$work/checks.sh" "$source" "$build" || echo "FAIL - the install session stopped early"
failures=$((failures + $(cat "$work/root-failures")))

echo
if [ "$failures" -eq 0 ]; then echo "package: all checks passed"; else echo "package: $failures check(s) failed"; fi
[ "$failures" -eq 0 ]
