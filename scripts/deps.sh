#!/usr/bin/env bash
# Check, and as root install, what building and testing tld needs on Debian 12.
#
#   scripts/deps.sh --check     verify every package; as root install what is missing (apt-get
#                               update first), otherwise print the apt-get line and fail; then
#                               make the /usr/include/asm link and the SPARC V8+ sysroot
#   scripts/deps.sh --sysroot   only make build/sparc32-root
#   scripts/deps.sh --compat    --check, plus what `make compat` needs to build Debian source
#                               packages (dpkg-dev, CMake, Tcl for SQLite's tests, readline)
#   scripts/deps.sh --list      print the package list
#
# python3-psutil lets lit stop a single test that hangs (lit.cfg.py sets a per-test limit).
# libclang-rt-14-dev is clang's libFuzzer and sanitizer runtimes, for the fuzz targets (fuzz/).
# hyperfine and valgrind (callgrind) are for `make bench-startup`.
# binutils (GNU ld) and lld are the reference linkers the compatibility tests compare against;
# libtool, autoconf, automake and make run a real libtool-based configure with tld.
# gcc-multilib is deliberately absent: it conflicts with the SPARC cross compiler. What `gcc -m32`
# and `g++ -m32` need comes from libc6-dev-i386 and lib32gcc/lib32stdc++ instead, plus the
# /usr/include/asm link that gcc-multilib would otherwise provide.

set -euo pipefail

cd "$(dirname "$0")/.."

packages=(
	file
	python3
	python3-psutil
	bison
	flex
	clang
	libclang-rt-14-dev
	clang-format
	llvm-14-tools
	llvm-14-linker-tools
	binutils-dev
	g++
	libc6-dev-i386
	lib32gcc-12-dev
	lib32stdc++-12-dev
	qemu-user
	strace
	gcc-sparc64-linux-gnu
	gcc-12-multilib-sparc64-linux-gnu
	g++-sparc64-linux-gnu
	g++-12-multilib-sparc64-linux-gnu
	libc6-dev-sparc-sparc64-cross
	lib32stdc++-12-dev-sparc64-cross
	libpython3.11-dev
	zlib1g-dev
	libzstd-dev
	libexpat1-dev
	gdb
	hyperfine
	valgrind
	binutils
	lld
	make
	libtool
	autoconf
	automake
)

# `make compat` only (scripts/compat.sh): dpkg-source and dpkg-buildflags, CMake for libuv, fmt
# and tinyxml2, Tcl for SQLite's test suite, readline for Lua's interpreter.
compat_packages=(
	dpkg-dev
	cmake
	tcl8.6-dev
	libreadline-dev
)

sparc32_root=build/sparc32-root
sparc32_lib=/usr/sparc64-linux-gnu/lib32

say() { printf 'deps: %s\n' "$*"; }
die() {
	printf 'deps: error: %s\n' "$*" >&2
	exit 1
}

is_installed() {
	local status
	status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
	[[ $status == "install ok installed" ]]
}

# qemu-sparc32plus -L build/sparc32-root resolves the program's interpreter (/lib/ld-linux.so.2)
# and every library under that root. The 32-bit SPARC glibc, libgcc_s and libstdc++ of the cross
# toolchain all live in $sparc32_lib, so lib/ is that directory; usr/lib points back at it so a
# search of the default /usr/lib stays inside the root. Static programs need none of this.
make_sysroot() {
	mkdir -p "$sparc32_root/usr"
	ln -sfn "$sparc32_lib" "$sparc32_root/lib"
	ln -sfn ../lib "$sparc32_root/usr/lib"
	[[ -e $sparc32_root/lib/ld-linux.so.2 ]] ||
		say "warning: $sparc32_lib/ld-linux.so.2 is missing; dynamic V8+ programs will not run"
}

# g++ -m32 includes <asm/errno.h>; without gcc-multilib nothing puts asm/ on the i386 search path.
make_asm_link() {
	[[ -e /usr/include/asm ]] && return 0
	if [[ $(id -u) -eq 0 ]]; then
		say "linking /usr/include/asm -> x86_64-linux-gnu/asm"
		ln -s x86_64-linux-gnu/asm /usr/include/asm
	else
		die "/usr/include/asm is missing (needed by g++ -m32); run as root: ln -s x86_64-linux-gnu/asm /usr/include/asm"
	fi
}

check() {
	local missing=() p
	for p in "${packages[@]}"; do
		is_installed "$p" || missing+=("$p")
	done
	if ((${#missing[@]})); then
		local line="apt-get install -y --no-install-recommends ${missing[*]}"
		if [[ $(id -u) -eq 0 ]]; then
			say "installing: ${missing[*]}"
			export DEBIAN_FRONTEND=noninteractive
			apt-get update
			apt-get install -y --no-install-recommends "${missing[@]}"
			for p in "${missing[@]}"; do
				is_installed "$p" || die "$p is still not installed"
			done
		else
			printf 'deps: missing packages: %s\n' "${missing[*]}" >&2
			printf 'deps: as root, run:\n  apt-get update && %s\n' "$line" >&2
			exit 1
		fi
	else
		say "all ${#packages[@]} packages installed"
	fi
	make_asm_link
	make_sysroot
}

case "${1:---check}" in
--check) check ;;
--compat)
	packages+=("${compat_packages[@]}")
	check
	;;
--sysroot) make_sysroot ;;
--list) printf '%s\n' "${packages[@]}" ;;
*) die "usage: $0 [--check|--compat|--sysroot|--list]" ;;
esac
