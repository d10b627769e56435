#!/usr/bin/env bash
# tld at work (`make demo` builds tld and then runs this):
#
#  1. gcc compiles examples/tls-demo.c, a threaded program with __thread variables, and calls tld
#     as its link-editor (`cc -B build/gnu/`, where build/gnu/ld is tld); the program runs.
#  2. For each target — x64, x86, sparcv9, sparc — a freestanding program (no libc, its own
#     _start and system calls) is compiled, linked by tld alone, and run: natively for x64 and
#     x86, under qemu-user for SPARC.
#
# Every command is printed before it runs. A step that fails is reported and the demo goes on to
# the next one; the exit status is non-zero if any step failed.

set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

tld=build/bin/tld
gnudir=build/gnu/
out=build/demo
fs=test/lit/run/Inputs/freestanding
sparc32_root=build/sparc32-root
cflags=(-c -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector
	-fno-asynchronous-unwind-tables)

failed=()

say() { printf '\n== %s\n' "$*"; }
run() {
	printf '$ %s\n' "$*"
	"$@"
}

if [[ ! -x $tld || ! -e ${gnudir}ld ]]; then
	echo "demo: $tld or ${gnudir}ld is missing; run \`make\` (or \`make demo\`) first" >&2
	exit 1
fi
[[ -e $sparc32_root/lib ]] || bash scripts/deps.sh --sysroot
mkdir -p "$out"

# --- 1. tld behind gcc -------------------------------------------------------------------------

tls_demo() {
	say "gcc uses tld as its link-editor: -B $gnudir makes it pick ${gnudir}ld"
	run cc -B "$gnudir" -print-prog-name=ld || return 1

	say "compile examples/tls-demo.c and link it statically with tld"
	run cc -static -pthread -B "$gnudir" -o "$out/tls-demo" examples/tls-demo.c || return 1

	if command -v /usr/lib/llvm-14/bin/llvm-readelf >/dev/null; then
		say "its TLS segment, as tld laid it out (.tdata then .tbss, aligned to the largest member)"
		printf '$ llvm-readelf -lW %s | grep -E '"'"'Type|TLS'"'"'\n' "$out/tls-demo"
		/usr/lib/llvm-14/bin/llvm-readelf -lW "$out/tls-demo" | grep -E 'Type|TLS' || return 1
	fi

	say "run it: four threads, each with its own copies of the __thread variables"
	run "$out/tls-demo" || return 1

	say "the same program, -fPIC (General Dynamic TLS code), as a PIE against glibc's shared libraries; --stats shows each pass's time and what tld made of every TLS sequence"
	run cc -fPIC -pie -pthread -B "$gnudir" -Wl,--stats -o "$out/tls-demo-pie" examples/tls-demo.c || return 1
	run "$out/tls-demo-pie" || return 1
}

tls_demo || failed+=(tls-demo)

# --- 2. freestanding programs linked by tld alone, one per target --------------------------------

# freestanding TARGET "CC..." RUNNER...
freestanding() {
	local target=$1 cc start obj=$out/freestanding-$1
	read -r -a cc <<<"$2"
	shift 2
	case $target in
	sparc*) start=$fs/start-sparc.S ;;
	*) start=$fs/start-$target.S ;;
	esac
	local ccflags=("${cflags[@]}")
	[[ $target == sparcv9 ]] && ccflags+=(-mcmodel=medlow)

	say "$target: compile the freestanding program and its start-up code"
	mkdir -p "$obj"
	run "${cc[@]}" "${ccflags[@]}" -o "$obj/prog.o" "$fs/prog.c" || return 1
	run "${cc[@]}" -c -o "$obj/start.o" "$start" || return 1

	say "$target: link them with tld, nothing else involved"
	run "$tld" -static -o "$obj/prog" "$obj/start.o" "$obj/prog.o" || return 1
	if command -v file >/dev/null; then
		run file "$obj/prog" || return 1
	fi

	say "$target: run it${1:+ (under $1)}"
	run "$@" "$obj/prog" || return 1
}

freestanding x64 "gcc" || failed+=(x64)
freestanding x86 "gcc -m32" || failed+=(x86)
freestanding sparcv9 "sparc64-linux-gnu-gcc -m64" qemu-sparc64 -L /usr/sparc64-linux-gnu ||
	failed+=(sparcv9)
freestanding sparc "sparc64-linux-gnu-gcc -m32" qemu-sparc32plus -L "$sparc32_root" ||
	failed+=(sparc)

echo
if ((${#failed[@]})); then
	echo "demo: FAILED: ${failed[*]}"
	exit 1
fi
echo "demo: every step succeeded"
