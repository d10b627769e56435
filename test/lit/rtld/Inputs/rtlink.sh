#!/bin/sh
# Links a program on ld.so.1: crt1.o first, ld.so.1 as a needed object and as the interpreter.
# usage: rtlink.sh [TARGET] TLD ARGS...   (TARGET: x64 (the default), x86, sparcv9 or sparc)
case $1 in
x64 | x86 | sparcv9 | sparc) target=$1 && shift ;;
*) target=x64 ;;
esac
tld=$1
shift
rt=$(cd "$(dirname "$tld")/../lib/$target" && pwd)
exec "$tld" "$rt/crt1.o" "$@" "$rt/ld.so.1" -I "$rt/ld.so.1"
