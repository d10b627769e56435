#!/usr/bin/env bash
# tld at work (`make demo` builds tld and then runs this):
#
#  1. gcc compiles examples/tls-demo.c, a threaded program with __thread variables, and calls tld
#     as its link-editor (`cc -B build/gnu/`, where build/gnu/ld is tld); the program runs.
#  2. A program, a library and a plugin with TLS in every model and threads are linked by tld
#     against ld.so.1, tld's own runtime linker, and run under it (examples/rtld/), on each
#     target: x64, x86 (natively, or under qemu-i386 where the kernel does not run i386
#     programs), sparcv9 and sparc (under qemu-user).
#  3. For each target — x64, x86, sparcv9, sparc — a freestanding program (no libc, its own
#     _start and system calls) is compiled, linked by tld alone, and run: natively for x64 and
#     x86 (under qemu-i386 where the kernel does not run i386 programs), under qemu-user for
#     SPARC.
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

# --- 2. a program on tld's own runtime linker ----------------------------------------------------

# rtld_demo TARGET "CC..." [RUNNER...]: the demo program on one target's ld.so.1.
rtld_demo() {
	local target=$1 cc d=$out/rtld-$1 rt=build/lib/$1
	read -r -a cc <<<"$2"
	shift 2
	local cf=(-O2 -ffreestanding -fno-stack-protector -fPIC -nostdinc -I rtld/include)
	# TLS descriptors where the target has them (SPARC has none: the plugin uses General Dynamic)
	local desc=()
	[[ $target == x64 || $target == x86 ]] && desc=(-mtls-dialect=gnu2)
	mkdir -p "$d"
	say "$target: ld.so.1, tld's runtime linker for $target (no libc under it), was linked by tld itself:"
	run /usr/lib/llvm-14/bin/llvm-readelf -hd "$rt/ld.so.1" |
		grep -E 'Class|Machine|SONAME|FLAGS|RELA?COUNT' || return 1

	say "$target: a library with General Dynamic and Initial Exec TLS, a plugin${desc:+ with descriptors and} with Local Dynamic TLS, a program with Local Exec TLS and threads; all freestanding against rtld/include"
	run "${cc[@]}" "${cf[@]}" -c -o "$d/libcount.o" examples/rtld/libcount.c || return 1
	run "${cc[@]}" "${cf[@]}" "${desc[@]}" -c -o "$d/plugin.o" examples/rtld/plugin.c || return 1
	run "${cc[@]}" "${cf[@]}" -fPIE -c -o "$d/main.o" examples/rtld/main.c || return 1

	say "$target: link them with tld: two shared objects (-G -h) and the program, whose interpreter is ld.so.1"
	run "$tld" -G -h libcount.so -o "$d/libcount.so" "$d/libcount.o" "$rt/ld.so.1" || return 1
	run "$tld" -G -h libplugin.so -o "$d/libplugin.so" "$d/plugin.o" "$rt/ld.so.1" || return 1
	run "$tld" --stats -o "$d/prog" "$rt/crt1.o" "$d/main.o" "$d/libcount.so" "$rt/ld.so.1" \
		-R '$ORIGIN' -I "$PWD/$rt/ld.so.1" 2>&1 | grep TLS || return 1

	say "$target: run it under ld.so.1${1:+, itself under $1} (LD_DEBUG=tls traces the TLS work): the plugin is dlopened while four threads wait"
	if (($#)); then
		# qemu-user passes the environment to the program; -E sets a variable for it alone
		run "$@" -E LD_DEBUG=tls "$d/prog" || return 1
	else
		LD_DEBUG=tls run "$d/prog" || return 1
	fi
}

# A kernel without 32-bit x86 support cannot run i386 programs: qemu-user runs them then.
(exec build/lib/x86/ld.so.1 --help >/dev/null 2>&1 </dev/null)
x86_status=$?
x86_runner=()
[[ $x86_status == 126 ]] && command -v qemu-i386 >/dev/null && x86_runner=(qemu-i386)

rtld_demo x64 "cc" || failed+=(rtld-x64)
rtld_demo x86 "cc -m32" "${x86_runner[@]}" || failed+=(rtld-x86)
rtld_demo sparcv9 "sparc64-linux-gnu-gcc -m64" qemu-sparc64 -L /usr/sparc64-linux-gnu ||
	failed+=(rtld-sparcv9)
rtld_demo sparc "sparc64-linux-gnu-gcc -m32" qemu-sparc32plus -L "$sparc32_root" ||
	failed+=(rtld-sparc)

# --- 3. freestanding programs linked by tld alone, one per target --------------------------------

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
	if [[ $target == x86 && $# -eq 0 ]] && ! (exec "$obj/prog" >/dev/null 2>&1 </dev/null); then
		# A kernel built without 32-bit x86 support cannot run i386 programs (exec fails with
		# "Exec format error", status 126): qemu-user runs them then.
		(exec "$obj/prog" >/dev/null 2>&1 </dev/null)
		if [[ $? == 126 ]] && command -v qemu-i386 >/dev/null; then
			say "$target: this kernel does not run i386 programs; running under qemu-i386"
			set -- qemu-i386
		fi
	fi
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
