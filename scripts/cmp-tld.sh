#!/bin/bash
# Compare this tree's tld with another build of tld, output byte for output byte: the check that
# a refactoring changes nothing it does not mean to.
#
#   scripts/cmp-tld.sh OTHER_TLD [LIT ARGS...]   every tld run of the lit suite (or the named
#                                                 tests), through %tld and through gcc -B %gnudir
#   scripts/cmp-tld.sh --bench OTHER_TLD          the benchmark cases ($BENCH/cases/*/ld.args)
#
# Lit mode points %tld and %gnudir (TLD_LIT_TLD, TLD_LIT_GNUDIR in test/lit/lit.cfg.py) at a
# wrapper. The wrapper runs this tree's tld exactly as the test asked (its output, messages and
# exit status are what the test sees), then, from the same state of the output file, OTHER_TLD and
# this tree's tld once more, each with its standard output and error captured, and compares the
# two: the output file, standard output, standard error and exit status. The test's files end as
# the first run left them. One line per tld run goes to build/cmp/results (build/cmp-bench/ with
# --bench): SAME, or DIFF naming what differs (the differing files are kept under diff/ there). A
# summary is printed at the end; the exit status is 1 when anything differed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bench=0
if [ "${1:-}" = --bench ]; then bench=1; shift; fi
[ $# -ge 1 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
other=$(realpath "$1"); shift
new=$top/build/bin/tld
[ -x "$other" ] || { echo "cmp-tld: $other is not executable" >&2; exit 2; }
[ -x "$new" ] || { echo "cmp-tld: build tld first (make)" >&2; exit 2; }
cmpdir=$top/build/cmp
if [ $bench = 1 ]; then cmpdir=$top/build/cmp-bench; fi # a lit run's results stay
rm -rf "$cmpdir"
mkdir -p "$cmpdir/gnu" "$cmpdir/tmp" "$cmpdir/diff"
results=$cmpdir/results
: > "$results"
# The binaries compared are copies, so that a rebuild during the run changes nothing.
cp "$new" "$cmpdir/tld.new"
cp "$other" "$cmpdir/tld.other"

summary() {
  local n same
  n=$(wc -l < "$results")
  same=$(grep -c '^SAME' "$results")
  echo "cmp-tld: $n tld runs compared, $same identical, $((n - same)) different"
  grep -v '^SAME' "$results" | sed 's/^/  /' | head -n 200
  [ "$n" = "$same" ]
}

if [ $bench = 1 ]; then
  BENCH=${BENCH:-$top/build/bench/corpus}
  for c in "$BENCH"/cases/*/; do
    c=${c%/}
    name=$(basename "$c")
    [ -f "$c/ld.args" ] || continue
    if [ -f "$c/mode" ] && [ "$(cat "$c/mode")" = gcc ]; then
      mapfile -d '' a < "$c/gcc.args"
      gcc=1
    else
      mapfile -d '' a < "$c/ld.args"
      gcc=0
    fi
    for who in new other; do
      mkdir -p "$cmpdir/bench/$who"
      out=$cmpdir/bench/$who/$name.out
      b=("${a[@]}")
      for j in "${!b[@]}"; do [ "${b[$j]}" = -o ] && b[$((j + 1))]=$out; done
      if [ $gcc = 1 ]; then
        mkdir -p "$cmpdir/bench/$who/gnu"
        ln -sfn "$cmpdir/tld.$who" "$cmpdir/bench/$who/gnu/ld"
        (cd "$c" && "${b[0]}" "-B$cmpdir/bench/$who/gnu/" "${b[@]:1}") \
          > "$cmpdir/bench/$who/$name.stdout" 2> "$cmpdir/bench/$who/$name.stderr"
      else
        (cd "$c" && exec -a ld "$cmpdir/tld.$who" "${b[@]}") \
          > "$cmpdir/bench/$who/$name.stdout" 2> "$cmpdir/bench/$who/$name.stderr"
      fi
      echo $? > "$cmpdir/bench/$who/$name.rc"
    done
    for w in new other; do sed -Ei 's/ *[0-9]+\.[0-9]+ (ms|MiB)/ # \1/g' "$cmpdir/bench/$w/$name.stderr"; done
    what=
    for f in out stdout stderr rc; do
      cmp -s "$cmpdir/bench/new/$name.$f" "$cmpdir/bench/other/$name.$f" || what="$what $f"
    done
    if [ -z "$what" ]; then echo "SAME bench $name" >> "$results"
    else echo "DIFF($what ) bench $name" >> "$results"; fi
  done
  summary
  exit
fi

# The wrapper. Paths are written into it: lit passes tests only the environment it chooses.
cat > "$cmpdir/tld" << EOF
#!/bin/bash
NEW=$cmpdir/tld.new OTHER=$cmpdir/tld.other TMP=$cmpdir/tmp DIFF=$cmpdir/diff RES=$results
EOF
cat >> "$cmpdir/tld" << 'EOF'
out=a.out
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]}
  case $a in
  -o | --output | -output) out=${args[i + 1]:-} ;;
  --output=*) out=${a#--output=} ;;
  -oformat* | -o) ;;
  -o*) out=${a#-o} ;;
  esac
done
t=$(mktemp "$TMP/run.XXXXXX")
[ -f "$out" ] && [ ! -L "$out" ] && cp -p "$out" "$t.pre"
(exec -a "$0" "$NEW" "$@")
rc=$?
# Only a regular output file (or none) is compared; devices, pipes, symlinks are left alone.
if [ -L "$out" ] || { [ -e "$out" ] && [ ! -f "$out" ]; } || [ "$out" = - ]; then
  echo "SKIP(output not a regular file) $PWD $out" >> "$RES"
  rm -f "$t" "$t".*
  exit $rc
fi
state() { # the output file as it was before the first run
  rm -f "$out"
  [ -e "$t.pre" ] && cp -p "$t.pre" "$out"
  true
}
[ -e "$out" ] && mv "$out" "$t.keep"
state
(exec -a "$0" "$OTHER" "$@") > "$t.o.stdout" 2> "$t.o.stderr" < /dev/null
echo $? > "$t.o.rc"
[ -e "$out" ] && mv "$out" "$t.o.out"
state
(exec -a "$0" "$NEW" "$@") > "$t.n.stdout" 2> "$t.n.stderr" < /dev/null
echo $? > "$t.n.rc"
[ -e "$out" ] && mv "$out" "$t.n.out"
rm -f "$out"
[ -e "$t.keep" ] && mv "$t.keep" "$out"
# --stats times and memory sizes differ from run to run.
for w in o n; do sed -Ei 's/ *[0-9]+\.[0-9]+ (ms|MiB)/ # \1/g' "$t.$w.stderr"; done
what=
for f in out stdout stderr rc; do
  if [ -e "$t.o.$f" ] || [ -e "$t.n.$f" ]; then
    cmp -s "$t.o.$f" "$t.n.$f" 2> /dev/null || what="$what $f"
  fi
done
if [ -z "$what" ]; then
  echo "SAME $PWD $out" >> "$RES"
  rm -f "$t".*
else
  d=$DIFF/$(basename "$t")
  mkdir -p "$d"
  mv "$t".* "$d/"
  printf '%q ' "$0" "$@" > "$d/cmd"
  echo "$PWD" > "$d/cwd"
  echo "DIFF($what ) $PWD $out -> $d" >> "$RES"
fi
rm -f "$t"
exit $rc
EOF
chmod +x "$cmpdir/tld"
ln -sfn ../tld "$cmpdir/gnu/ld"

PYTHON=$(command -v python3)
LIT_PY=/usr/lib/llvm-14/build/utils/lit/lit.py
[ $# -ge 1 ] || set -- "$top/test/lit"
TLD_LIT_TLD=$cmpdir/tld TLD_LIT_GNUDIR=$cmpdir/gnu/ "$PYTHON" "$LIT_PY" -q "$@"
echo "cmp-tld: lit exit status $?"
summary
