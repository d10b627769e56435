#!/usr/bin/env bash
# Seed corpora of the fuzz targets (fuzz/README), made from the test suite's sources and scripts
# and from real tools' output, for every target the compilers installed by scripts/deps.sh build:
#
#   fuzz/seeds.sh KIND DIR     KIND: elf-object archive shared-object linker-script
#                                    version-script mapfile
#
# DIR is emptied and filled. Seeds are small (a fuzzer's inputs default to the largest seed's
# size). fuzz/mutate.py uses the elf-object and archive seeds too. A compiler that is missing is
# skipped with a note; CI has them all.

set -uo pipefail
cd "$(dirname "$0")/.."

kind=${1:?usage: fuzz/seeds.sh KIND DIR}
out=${2:?usage: fuzz/seeds.sh KIND DIR}
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tld-seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

llvm=/usr/lib/llvm-14/bin
max=65536

note() { printf 'seeds: %s\n' "$*" >&2; }

# name, compiler and flags of each target
compilers=(
	"x64|gcc"
	"x86|gcc -m32"
	"sparcv9|sparc64-linux-gnu-gcc -m64"
	"sparc|sparc64-linux-gnu-gcc -m32"
)
triples=(x64:x86_64 x86:i386 sparcv9:sparcv9 sparc:sparc)

c_sources=(
	test/lit/run/Inputs/hello.c
	test/lit/run/Inputs/tls-extern.c
	test/lit/run/Inputs/libc-misc.c
	test/lit/dyn/Inputs/shlib-lib.c
	test/lit/dyn/Inputs/plugin.c
	test/lit/reloc-out/Inputs/rt-lib.c
	test/lit/tls/Inputs/tls-matrix.c
	test/lit/mapfile-link/Inputs/ver/lib.c
	examples/tls-demo.c
)
cxx_sources=(test/lit/run/Inputs/cxx-features.cpp test/lit/dyn/Inputs/throw-lib.cpp)

keep() { # keep FILE NAME: copy into the corpus when it is small enough
	local f=$1 name=$2
	[[ -s $f ]] || return 0
	(($(stat -c %s "$f") <= max)) && cp "$f" "$out/$name"
}

# Relocatable objects: C and C++ compiled several ways for each target, and the link tests'
# assembly (each with the triple its RUN lines name).
objects() {
	local dest=$1 spec name cc src base flags i
	mkdir -p "$dest"
	for spec in "${compilers[@]}"; do
		name=${spec%%|*} cc=${spec#*|}
		if ! command -v "${cc%% *}" >/dev/null; then
			note "${cc%% *} is missing: no $name objects"
			continue
		fi
		for src in "${c_sources[@]}" "${cxx_sources[@]}"; do
			base=$(basename "$src")
			base=${base%.*}
			i=0
			for flags in "-O1" "-O2 -fPIC -ffunction-sections -fdata-sections" "-Os -fno-pic -g1"; do
				local c=$cc
				[[ $src == *.cpp ]] && c=${cc/gcc/g++}
				$c $flags -I"$(dirname "$src")" -c "$src" -o "$dest/$name-$base-$i.o" \
					2>/dev/null || rm -f "$dest/$name-$base-$i.o"
				i=$((i + 1))
			done
		done
	done
	local s triple t
	for s in test/lit/{tls,link,dyn,reloc-out,diag,options}/*.s; do
		triple=$(grep -o -m1 -- '-triple=[a-z0-9_]*' "$s" | head -1)
		[[ -n $triple ]] || continue
		base=$(basename "${s%.s}")
		"$llvm/llvm-mc" -filetype=obj "$triple" "$s" -o "$dest/mc-$base.o" 2>/dev/null ||
			rm -f "$dest/mc-$base.o"
	done
}

case $kind in
elf-object)
	objects "$tmp/o"
	for f in "$tmp"/o/*.o; do keep "$f" "$(basename "$f")"; done
	;;
archive)
	objects "$tmp/o"
	cd "$tmp/o" || exit 1
	for spec in "${compilers[@]}"; do
		name=${spec%%|*}
		set -- $(ls "$name"-*-0.o 2>/dev/null | head -4)
		(($#)) || continue
		# Long member names need the GNU name table.
		for f in "$@"; do cp "$f" "a-member-with-a-long-name-$f"; done
		ar rcs "$name-gnu.a" "$@" 2>/dev/null
		ar rcS "$name-noindex.a" "$@" 2>/dev/null
		ar rcsT "$name-thin.a" "$@" 2>/dev/null
		ar rcs "$name-long.a" a-member-with-a-long-name-"$name"-* 2>/dev/null
		"$llvm/llvm-ar" --format=bsd rcs "$name-bsd.a" "$@" 2>/dev/null
		"$llvm/llvm-ar" --format=gnu rcs "$name-llvm.a" a-member-with-a-long-name-"$name"-* 2>/dev/null
		"$llvm/llvm-ar" --format=bsd rcs "$name-bsd-long.a" a-member-with-a-long-name-"$name"-* \
			2>/dev/null
	done
	cd - >/dev/null || exit 1
	for f in "$tmp"/o/*.a; do keep "$f" "$(basename "$f")"; done
	;;
shared-object)
	printf 'V1 { global: lib_*; shlib*; };\nV2 { global: *; } V1;\n' >"$tmp/v.ver"
	# Small pages keep SPARC's 64 KiB alignment from padding the files.
	small=(-Wl,-z,max-page-size=0x1000 -Wl,-z,common-page-size=0x1000)
	for spec in "${compilers[@]}"; do
		name=${spec%%|*} cc=${spec#*|}
		command -v "${cc%% *}" >/dev/null || continue
		for src in test/lit/dyn/Inputs/shlib-lib.c test/lit/reloc-out/Inputs/rt-lib.c \
			test/lit/mapfile-link/Inputs/ver/lib.c test/lit/run/Inputs/tls-extern.c; do
			base=$(basename "${src%.c}")
			$cc -O1 -fPIC -shared -I"$(dirname "$src")" "$src" -o "$tmp/$name-$base.so" \
				-Wl,-soname,lib$base.so.1 "${small[@]}" 2>/dev/null
			$cc -O1 -fPIC -shared -I"$(dirname "$src")" "$src" -o "$tmp/$name-$base-ver.so" \
				-Wl,--version-script,"$tmp/v.ver" -Wl,--hash-style=both "${small[@]}" 2>/dev/null
			keep "$tmp/$name-$base.so" "$name-$base.so"
			keep "$tmp/$name-$base-ver.so" "$name-$base-ver.so"
		done
	done
	;;
linker-script)
	for t in test/lit/lscript/*.s test/lit/lscript/*.test; do
		d=$tmp/$(basename "$t")
		"$llvm/split-file" "$t" "$d" 2>/dev/null || continue
		for f in $(find "$d" -type f \( -name '*.lds' -o -name '*.ld' -o -name '*.t' -o -name '*.x' \
			-o -name '*.script' \)); do
			keep "$f" "$(basename "$t")-$(basename "$f")"
		done
	done
	for f in $(find test/lit/lscript/Inputs -name '*.lds'); do keep "$f" "inputs-$(basename "$f")"; done
	for m in elf_x86_64 elf_i386; do
		ld -m $m --verbose 2>/dev/null | sed -n '/^=====/,/^=====/p' | sed '1d;$d' >"$tmp/$m.x"
		keep "$tmp/$m.x" "gnu-default-$m.x"
	done
	for f in /usr/lib/x86_64-linux-gnu/libc.so /usr/lib/x86_64-linux-gnu/libm.so; do
		[[ -f $f ]] && file -b "$f" | grep -q text && keep "$f" "glibc-$(basename "$f")"
	done
	;;
version-script | mapfile)
	for t in test/lit/mapfile/*.test test/lit/mapfile-link/*.test test/lit/dyn/*.s test/lit/lscript/version.s; do
		d=$tmp/$(basename "$t")
		"$llvm/split-file" "$t" "$d" 2>/dev/null || continue
		for f in $(find "$d" -type f ! -name '*.s' ! -name '*.c' ! -name '*.cpp'); do
			if [[ $kind == version-script ]]; then
				# A version script is a brace block (maybe anonymous) ending in ';'.
				grep -qE '^\s*[A-Za-z0-9_.]*\s*\{' "$f" && grep -q '};' "$f" &&
					! grep -q 'mapfile_version\|LOAD_SEGMENT\|SYMBOL_SCOPE' "$f" || continue
			else
				grep -q 'version-script\|dynamic-list' <<<"$t" && continue
			fi
			keep "$f" "$(basename "$t")-$(basename "$f")"
		done
	done
	if [[ $kind == mapfile ]]; then
		for f in $(find test/lit/mapfile-link/Inputs -name '*.map'); do
			keep "$f" "inputs-$(basename "$(dirname "$f")")-$(basename "$f")"
		done
	else
		for f in $(find test/lit -name '*.ver'); do keep "$f" "inputs-$(basename "$f")"; done
		printf 'VERS_1.1 {\n  global:\n    foo1;\n  local:\n    old*;\n    original*;\n    new*;\n};\nVERS_1.2 {\n  foo2;\n} VERS_1.1;\nVERS_2.0 {\n  bar1; bar2;\n  extern "C++" {\n    ns::*;\n    "f(int, double)";\n  };\n} VERS_1.2;\n' \
			>"$out/gnu-manual-example.ver"
		printf '{ global: main; _start; local: *; };\n' >"$out/anonymous.ver"
	fi
	;;
*)
	note "unknown kind $kind"
	exit 2
	;;
esac

n=$(find "$out" -type f | wc -l)
note "$kind: $n seeds in $out"
((n > 0))
