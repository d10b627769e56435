#!/bin/sh
# Links a shared object that uses ld.so.1's runtime surface.
# usage: rtlib.sh [TARGET] TLD ARGS...   (TARGET: x64 (the default), x86, sparcv9 or sparc)
case $1 in
x64 | x86 | sparcv9 | sparc) target=$1 && shift ;;
*) target=x64 ;;
esac
tld=$1
shift
rt=$(cd "$(dirname "$tld")/../lib/$target" && pwd)
exec "$tld" -shared "$@" "$rt/ld.so.1"
