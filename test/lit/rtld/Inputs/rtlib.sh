#!/bin/sh
# Links a shared object that uses ld.so.1's runtime surface.
# usage: rtlib.sh TARGET TLD ARGS...   (TARGET: x64, x86, sparcv9 or sparc)
target=$1 tld=$2
shift 2
rt=$(cd "$(dirname "$tld")/../lib/$target" && pwd)
exec "$tld" -shared "$@" "$rt/ld.so.1"
