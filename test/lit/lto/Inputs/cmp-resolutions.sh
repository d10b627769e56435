#!/bin/sh
# cmp-resolutions.sh GNUDIR CC ARGS... : link in the current directory with GNU ld (the
# compiler's default linker) and with tld (CC -BGNUDIR), both told --verbose=2, and compare how
# each reports the resolution of every symbol of the plugin's files. Prints tld's report; exits
# 1 if the two differ. GNU ld names an archive member by its own name, tld as archive(member):
# they are compared as the member.
dir=$1
shift
t=$(mktemp -d cmp-res.XXXXXX) || exit 2 # in the test's own directory
"$@" -o "$t/gnu.out" -Wl,--verbose=2 > "$t/gnu.log" 2>&1 || { cat "$t/gnu.log"; rm -rf "$t"; exit 2; }
"$@" -B"$dir" -o "$t/tld.out" -Wl,--verbose=2 > "$t/tld.log" 2>&1 || { cat "$t/tld.log"; rm -rf "$t"; exit 2; }
grep 'resolution:' "$t/gnu.log" | sed 's/^[^ ]*: //' > "$t/gnu.txt"
grep 'resolution:' "$t/tld.log" | sed -e 's/^[^ ]*: //' \
  -e 's/^[^ (]*(\([^)]*\)) (symbol from plugin)/\1 (symbol from plugin)/' > "$t/tld.txt"
cat "$t/tld.txt"
if ! diff "$t/gnu.txt" "$t/tld.txt" > "$t/diff"; then
  echo "resolutions differ from GNU ld's:"
  cat "$t/diff"
  rm -rf "$t"
  exit 1
fi
[ -s "$t/gnu.txt" ] || { echo "no resolutions reported"; rm -rf "$t"; exit 1; }
rm -rf "$t"
