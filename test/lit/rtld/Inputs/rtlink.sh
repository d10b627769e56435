#!/bin/sh
# Links a program on ld.so.1: crt1.o first, ld.so.1 as a needed object and as the interpreter.
# usage: rtlink.sh TLD ARGS...
tld=$1; shift
rt=$(cd "$(dirname "$tld")/../lib/x64" && pwd)
exec "$tld" "$rt/crt1.o" "$@" "$rt/ld.so.1" -I "$rt/ld.so.1"
