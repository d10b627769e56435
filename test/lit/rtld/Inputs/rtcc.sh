#!/bin/sh
# Compiles a program or library source for ld.so.1: freestanding, only rtld/include.
# usage: rtcc.sh CC-WORDS... -- ARGS...   (CC-WORDS is the %cc-x64 substitution)
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cc=""
while [ "$1" != "--" ]; do cc="$cc $1"; shift; done
shift
exec $cc -O2 -ffreestanding -fno-stack-protector -fPIC -nostdinc -I "$root/rtld/include" "$@"
