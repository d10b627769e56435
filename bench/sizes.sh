#!/bin/bash
# Output sizes per case and linker: the whole file and the sections merging and sharing act on
# (.debug_str, .rodata, .eh_frame), each linker's output linked once, measured, removed. Run by
# bench.sh after the timings (make bench); alone:
#
#   BENCH=/path/to/corpus bench/sizes.sh tld=DIR bfd=DIR ...     (each DIR holds an `ld`)
#
# Environment: CASES (subset). Prints a table; "x_min" is the output size divided by the
# smallest output of that case.
set -uo pipefail
BENCH=${BENCH:?corpus directory}
unset LIBRARY_PATH COMPILER_PATH GCC_EXEC_PREFIX
read -r -a CASE_LIST <<< "${CASES:-$(cd "$BENCH/cases" && echo *)}"

# secsizes FILE: size of the file, then of .debug_str .rodata .eh_frame (0 when absent)
secsizes() {
  python3 - "$1" <<'PY'
import os, struct, sys
f = sys.argv[1]
d = open(f, 'rb').read()
is64 = d[4] == 2
le = d[5] == 1
e = '<' if le else '>'
if is64:
    shoff, = struct.unpack_from(e + 'Q', d, 40)
    shentsize, shnum, shstrndx = struct.unpack_from(e + 'HHH', d, 58)
else:
    shoff, = struct.unpack_from(e + 'I', d, 32)
    shentsize, shnum, shstrndx = struct.unpack_from(e + 'HHH', d, 46)
def sh(i):
    o = shoff + i * shentsize
    if is64:
        name, typ, flags, addr, off, size = struct.unpack_from(e + 'IIQQQQ', d, o)
    else:
        name, typ, flags, addr, off, size = struct.unpack_from(e + 'IIIIII', d, o)
    return name, off, size
strtab = sh(shstrndx)
sizes = {}
for i in range(shnum):
    name, off, size = sh(i)
    n = d[strtab[1] + name:d.index(b'\0', strtab[1] + name)].decode()
    sizes[n] = sizes.get(n, 0) + size
print(os.path.getsize(f), sizes.get('.debug_str', 0), sizes.get('.rodata', 0),
      sizes.get('.eh_frame', 0))
PY
}

mib() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }

printf '%-17s %-6s %10s %10s %10s %10s %6s\n' case linker "out_MiB" ".debug_str" ".rodata" \
  ".eh_frame" "x_min"
for case in "${CASE_LIST[@]}"; do
  C=$BENCH/cases/$case
  [ -f "$C/ld.args" ] || continue
  mapfile -d '' LDARGS < "$C/ld.args"
  mapfile -d '' GCCARGS < "$C/gcc.args"
  cmode=ld; [ -f "$C/mode" ] && cmode=$(cat "$C/mode")
  in=$(awk -v c="$case" '$1 == c { for (i = 1; i < NF; i++) if ($i == "inputs") print $(i + 1) }' \
    "$BENCH/sizes.txt" 2>/dev/null)
  declare -A SZ=() ROW=()
  labs=()
  for spec in "$@"; do
    lab=${spec%%=*} dir=$(cd "${spec#*=}" && pwd)
    out=$C/size.$lab.bin
    rm -f "$out"
    if [ "$cmode" = gcc ]; then
      a=("${GCCARGS[@]}")
      for j in "${!a[@]}"; do [ "${a[$j]}" = -o ] && a[$((j + 1))]=$out; done
      cmd=("${a[0]}" "-B$dir/" "${a[@]:1}")
    else
      a=("${LDARGS[@]}")
      for j in "${!a[@]}"; do [ "${a[$j]}" = -o ] && a[$((j + 1))]=$out; done
      cmd=("$dir/ld" "${a[@]}")
    fi
    if (cd "$C" && "${cmd[@]}" > /dev/null 2>&1) && [ -f "$out" ]; then
      read -r total dstr rod eh < <(secsizes "$out")
      SZ[$lab]=$total
      ROW[$lab]="$total $dstr $rod $eh"
      labs+=("$lab")
    else
      echo "sizes: $lab failed to link $case" >&2
    fi
    rm -f "$out"
  done
  min=
  for lab in "${labs[@]}"; do
    if [ -z "$min" ] || [ "${SZ[$lab]}" -lt "$min" ]; then min=${SZ[$lab]}; fi
  done
  first=1
  for lab in "${labs[@]}"; do
    read -r total dstr rod eh <<< "${ROW[$lab]}"
    name=$case
    [ $first = 1 ] || name=
    printf '%-17s %-6s %10s %10s %10s %10s %6s\n' "$name" "$lab" "$(mib "$total")" "$dstr" "$rod" \
      "$eh" "$(awk -v a="$total" -v b="$min" 'BEGIN { printf "%.3f", a / b }')"
    first=0
  done
  [ -n "$in" ] && printf '%-17s (inputs %s MiB)\n' "" "$in"
  unset SZ ROW
done
