#!/usr/bin/env bash
# Both catalogues of the kiosk screens are complete: every string the screens mark for
# translation (xgettext over kiosk/ui) has a non-fuzzy translation in po/zh_CN.po and
# po/en.po, and neither catalogue keeps strings the screens no longer use.
#   catalogues.sh SOURCE_DIR
set -euo pipefail
src=$1/kiosk/ui
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xgettext --language=C++ --keyword=_ --from-code=UTF-8 --no-location -o "$work/screens.pot" "$src"/*.cpp
status=0
for lang in zh_CN en; do
    po=$src/po/$lang.po
    msgfmt --check -o /dev/null "$po" || { echo "$lang.po does not compile" >&2; status=1; }
    # Every source string translated (untranslated and fuzzy entries count as missing).
    msgcmp "$po" "$work/screens.pot" || { echo "$lang.po lacks translations (above)" >&2; status=1; }
    # No stale entries: the catalogue's strings are all still in the source.
    msgcmp --use-untranslated "$work/screens.pot" "$po" 2>"$work/stale" ||
        { echo "$lang.po keeps strings the screens no longer use:" >&2; cat "$work/stale" >&2; status=1; }
done
[ "$status" -eq 0 ] && echo "both catalogues complete: $(($(grep -c '^msgid ' "$work/screens.pot") - 1)) strings"
exit "$status"
