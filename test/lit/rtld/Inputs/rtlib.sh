#!/bin/sh
# Links a shared object that uses ld.so.1's runtime surface.
# usage: rtlib.sh TLD ARGS...
tld=$1; shift
rt=$(cd "$(dirname "$tld")/../lib/x64" && pwd)
exec "$tld" -shared "$@" "$rt/ld.so.1"
