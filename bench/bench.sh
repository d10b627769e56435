#!/bin/bash
# make bench: time tld against GNU ld (bfd), gold, lld (default and --threads=1) and mold
# (default, --no-fork, --no-fork --threads=1) on the benchmark corpus, interleaved runs, and
# print each linker's ratio to tld. Every linker's output is checked (the program runs and
# prints the right answer) after its first link, before its times count.
#
# Link-time optimisation cases (synth-lto: gcc -flto, timed through gcc, so each linker runs
# gcc's LTO plugin and lto-wrapper) are run with the linkers that take gcc's plugin: all but
# lld. A corpus made before it had an LTO case is completed first.
#
# The corpus is built once (about 4 minutes on 2 cores) by ../shared/bench/make-corpus.sh
# into $BENCH (default build/bench/corpus); its cases include cxx-debug (C++ with -g: merged debug
# strings, shared CIEs). After the timings, bench/sizes.sh links each case once per linker and
# adds the output sizes (file, .debug_str, .rodata, .eh_frame) to the table. Environment: RUNS
# (default 5), WARMUP (1), CASES (subset), BENCH.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$top/../shared/bench}
export BENCH=${BENCH:-$top/build/bench/corpus}
[ -x "$top/build/bin/tld" ] || { echo "bench: build tld first (make)" >&2; exit 1; }
[ -d "$shared" ] || { echo "bench: $shared not found" >&2; exit 1; }
if [ ! -f "$BENCH/sizes.txt" ]; then
  echo "bench: building the corpus in $BENCH (once)" >&2
  bash "$shared/make-corpus.sh" "$BENCH"
elif [ ! -d "$BENCH/cases/synth-lto" ] && grep -q synth-lto "$shared/make-corpus.sh"; then
  echo "bench: completing the corpus in $BENCH with its LTO case" >&2
  bash "$shared/make-corpus.sh" "$BENCH"
fi
L=$top/build/bench/linkers
mkdir -p "$L"
wrap() { # NAME COMMAND...
  local d=$L/$1; shift
  mkdir -p "$d"
  printf '#!/bin/sh\nexec %s "$@"\n' "$*" > "$d/ld"
  chmod +x "$d/ld"
}
link() { mkdir -p "$L/$1"; ln -sfn "$2" "$L/$1/ld"; }
link tld "$top/build/bin/tld"
wrap tld-t1 "$top/build/bin/tld" --threads=1
link bfd /usr/bin/ld.bfd
link gold /usr/bin/ld.gold
link lld /usr/bin/ld.lld
wrap lld-t1 /usr/bin/ld.lld --threads=1
link mold /usr/bin/mold
wrap mold-nf /usr/bin/mold --no-fork
wrap mold-t1 /usr/bin/mold --no-fork --threads=1
export REF=${REF:-tld}
read -r -a all_cases <<< "${CASES:-$(cd "$BENCH/cases" && echo *)}"
plain=() lto=()
for c in "${all_cases[@]}"; do
  if [ -f "$BENCH/cases/$c/gcc.args" ] && tr '\0' '\n' < "$BENCH/cases/$c/gcc.args" | grep -q '^-flto'
  then lto+=("$c"); else plain+=("$c"); fi
done
mkdir -p "$top/build/bench"
: > "$top/build/bench/table.txt"
: > "$top/build/bench/checks.tsv"
run() { # CASES LINKER=DIR...: one run.sh; its table and checks are appended to ours
  CASES="$1" bash "$shared/run.sh" "${@:2}"
  local res
  res=$(ls -d "$BENCH"/results/*/ | tail -n 1)
  cat "$res/table.txt" >> "$top/build/bench/table.txt"
  cat "$res/checks.tsv" >> "$top/build/bench/checks.tsv" 2>/dev/null || true
  echo "bench: raw runs in $res" >&2
}
if [ ${#plain[@]} -gt 0 ]; then
  run "${plain[*]}" tld="$L/tld" tld-t1="$L/tld-t1" bfd="$L/bfd" gold="$L/gold" lld="$L/lld" \
    lld-t1="$L/lld-t1" mold="$L/mold" mold-nf="$L/mold-nf" mold-t1="$L/mold-t1"
fi
if [ ${#lto[@]} -gt 0 ]; then # lld cannot run gcc's plugin
  run "${lto[*]}" tld="$L/tld" tld-t1="$L/tld-t1" bfd="$L/bfd" gold="$L/gold" mold="$L/mold" \
    mold-nf="$L/mold-nf" mold-t1="$L/mold-t1"
fi
# Output sizes: each linker's output once per case (whole file, .debug_str, .rodata, .eh_frame).
echo "bench: measuring output sizes" >&2
: > "$top/build/bench/sizes.txt"
if [ ${#plain[@]} -gt 0 ]; then
  CASES="${plain[*]}" bash "$top/bench/sizes.sh" tld="$L/tld" bfd="$L/bfd" gold="$L/gold" \
    lld="$L/lld" mold="$L/mold" >> "$top/build/bench/sizes.txt"
fi
if [ ${#lto[@]} -gt 0 ]; then
  CASES="${lto[*]}" bash "$top/bench/sizes.sh" tld="$L/tld" bfd="$L/bfd" gold="$L/gold" \
    mold="$L/mold" >> "$top/build/bench/sizes.txt"
fi
{ echo; echo "output sizes (bytes of the sections; x_min = file size / the case's smallest):"
  cat "$top/build/bench/sizes.txt"; } | tee -a "$top/build/bench/table.txt" >&2
echo "bench: table in build/bench/table.txt" >&2
if grep -q FAIL "$top/build/bench/checks.tsv" 2>/dev/null; then
  echo "bench: some outputs failed their checks:" >&2
  grep FAIL "$top/build/bench/checks.tsv" >&2
  exit 1
fi
