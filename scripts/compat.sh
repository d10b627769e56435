#!/usr/bin/env bash
# make compat: build real projects from their Debian source packages twice, once with GNU ld
# and once with tld as the compiler driver's linker, run each package's own test suite both
# ways, and print a table of tests passed, output sizes and link times.
#
#   scripts/compat.sh [PACKAGE...]     default: the default_packages below; fmtlib by name
#
# Sources come from `apt-get source` through a private APT configuration (a deb-src line for
# this build only, in build/compat/apt; the system's sources and lists are not touched). Each
# package is built as its debian/rules builds it (the same configure or CMake options, Debian's
# default build flags), upstream tests as the package runs them. Every link goes through a small
# wrapper (build/compat/wrap-<linker>/ld, found by `cc -B`) that records its time and output.
# Needs the packages `scripts/deps.sh --compat` installs. Results: build/compat/table.txt (the
# packages of this run) and logs under build/compat/<linker>/<package>.log. The exit status is 1
# when a package builds with GNU ld but not with tld, or more of its tests fail with tld. Not part
# of `make check`: it takes a while.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/build/compat
tld=$top/build/bin/tld
# fmtlib builds too long for a run of reasonable length on 2 cores (its test programs take about
# 10 minutes each way); it stays available by name (PACKAGES=fmtlib).
default_packages=(zlib lua5.4 libuv1 tinyxml2 expat sqlite3)
packages=("${default_packages[@]}")
[ $# -gt 0 ] && packages=("$@")
jobs=${JOBS:-2}
[ -x "$tld" ] || { echo "compat: build tld first (make)" >&2; exit 1; }
mkdir -p "$work/src"

say() { printf 'compat: %s\n' "$*" >&2; }

# ---- sources ---------------------------------------------------------------------------
apt_dir=$work/apt
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
  -o "APT::Sandbox::User=root")
fetch_sources() {
  local missing=()
  for p in "${packages[@]}"; do ls "$work/src/${p}"_*.dsc >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  . /etc/os-release
  echo "deb-src http://deb.debian.org/debian ${VERSION_CODENAME:-bookworm} main" > "$apt_dir/sources.list"
  say "fetching sources: ${missing[*]}"
  apt-get "${apt_opts[@]}" update >/dev/null || { say "apt-get update failed"; exit 1; }
  (cd "$work/src" && apt-get "${apt_opts[@]}" source --download-only "${missing[@]}") >/dev/null ||
    { say "apt-get source failed"; exit 1; }
}

# A fresh, patched tree of package $1 in $2.
unpack() {
  rm -rf "$2"
  dpkg-source --no-check -x "$(ls "$work/src/${1}"_*.dsc | tail -1)" "$2" >/dev/null ||
    { say "cannot unpack $1"; return 1; }
}

# ---- the linker wrappers ----------------------------------------------------------------
# wrap NAME REAL-LINKER: build/compat/wrap-NAME/ld runs the real linker and appends
# "nanoseconds size status output" to $COMPAT_LINK_LOG for each link.
wrap() {
  local d=$work/wrap-$1
  mkdir -p "$d"
  cat > "$d/ld" <<EOF
#!/bin/bash
out=a.out prev=
for a in "\$@"; do
  [ "\$prev" = -o ] && out=\$a
  case \$a in --output=*) out=\${a#--output=} ;; -o?*) out=\${a#-o} ;; esac
  prev=\$a
done
t0=\$(date +%s%N)
$2 "\$@"
rc=\$?
t1=\$(date +%s%N)
size=0
[ \$rc = 0 ] && [ -f "\$out" ] && size=\$(stat -c %s "\$out")
[ -n "\${COMPAT_LINK_LOG:-}" ] && echo "\$((t1 - t0)) \$size \$rc \$(realpath -m "\$out")" >> "\$COMPAT_LINK_LOG"
exit \$rc
EOF
  chmod +x "$d/ld"
}

# ---- per package: build, test, and print "passed total" on the last line ----------------
# Each runs in the package's tree with CC, CXX, CFLAGS, CXXFLAGS and LDFLAGS set.

# Test suites that refuse to run as root (SQLite's, libuv's) run as nobody: the tree is theirs.
as_user=()
drop_root() {
  as_user=()
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$PWD" && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  fi
}

t_zlib() {
  ./configure --shared >/dev/null && make -j"$jobs" >/dev/null || return 1
  local out; out=$(make -k test 2>&1); echo "$out"
  echo "$(grep -c 'test OK' <<<"$out") $(grep -cE 'test OK|FAILED' <<<"$out")"
}

# Debian builds liblua5.4.so with libtool (debian/configure.ac); the source package has no test
# suite, so scripts/compat-lua.lua exercises the interpreter and the shared library.
t_lua5.4() {
  mkdir -p debian/libtool && cp debian/configure.ac debian/libtool/ &&
    (cd debian/libtool && LIBTOOLIZE='libtoolize -i' autoreconf -f -i >/dev/null 2>&1 &&
      ./configure >/dev/null) || return 1
  local ma; ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
  printf '#ifndef _LUA_DEB_MULTIARCH_\n#define _LUA_DEB_MULTIARCH_\n#define DEB_HOST_MULTIARCH "%s"\n#endif\n' \
    "$ma" > src/lua5.4-deb-multiarch.h
  make linux-readline LIBTOOL="$PWD/debian/libtool/libtool" CC="$CC -std=gnu99" \
    CXX="$CXX" MYLDFLAGS="$LDFLAGS" >/dev/null || return 1
  local lua; lua=$(find src -name 'lua5.4' -type f -perm -u+x | head -1)
  [ -n "$lua" ] || lua=$(find src -name lua -type f -perm -u+x | head -1)
  local out; out=$(LD_LIBRARY_PATH=$PWD/src/.libs "$lua" "$top/scripts/compat-lua.lua" 2>&1)
  echo "$out"
  echo "$(grep -c '^ok ' <<<"$out") $(grep -cE '^(not )?ok ' <<<"$out")"
}

# debian/rules' configure options and CFLAGS; the test suite is upstream's quick one
# (testfixture, Tcl). testfixture is built from the amalgamation: built from the separate sources
# it compiles ext/fts3/fts3_term.c twice and no linker accepts it. SQLITE_ENABLE_DBPAGE_VTAB is added: the suite runs the shell's .recover,
# which needs it in the library the shell is linked against (Debian does not run the suite).
t_sqlite3() {
  local ma; ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
  CFLAGS="$CFLAGS -O2 -fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA \
    -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 \
    -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1 \
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 \
    -DSQLITE_ENABLE_LOAD_EXTENSION -DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS \
    -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS3_TOKENIZER=1 -DSQLITE_USE_URI=1 \
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION \
    -DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_ENABLE_DBPAGE_VTAB" \
    LDFLAGS="$LDFLAGS -Wl,--as-needed" ./configure --with-tcl="/usr/lib/$ma/tcl8.6" \
    --enable-threadsafe --enable-load-extension --enable-json --enable-fts4 --enable-fts5 \
    --disable-amalgamation >/dev/null && make -j"$jobs" sqlite3 >/dev/null &&
    make USE_AMALGAMATION=1 testfixture >/dev/null || return 1
  drop_root
  local out; out=$("${as_user[@]}" make quicktest 2>&1 | tail -40); echo "$out"
  local line; line=$(grep -E '[0-9]+ errors out of [0-9]+ tests' <<<"$out" | tail -1)
  [ -n "$line" ] || { echo "0 1"; return 0; }
  local errs total; errs=$(awk '{print $1}' <<<"$line"); total=$(awk '{print $5}' <<<"$line")
  echo "$((total - errs)) $total"
}

# CMake as debian/rules configures it; the shared-library test runner (TAP output).
t_libuv1() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=None -DBUILD_TESTING=ON >/dev/null &&
    cmake --build build -j "$jobs" >/dev/null || return 1
  drop_root
  local out; out=$(cd build && RES_OPTIONS=attempts:0 UV_TEST_TIMEOUT_MULTIPLIER=2 \
    "${as_user[@]}" ./uv_run_tests 2>&1); echo "$out"
  echo "$(grep -cE '^ok [0-9]+' <<<"$out") $(grep -cE '^(not )?ok [0-9]+' <<<"$out")"
}

t_fmtlib() {
  cmake -S . -B bdir -DCMAKE_BUILD_TYPE=None -DFMT_DOC=off -DFMT_PEDANTIC=on \
    -DCMAKE_POSITION_INDEPENDENT_CODE=on -DBUILD_SHARED_LIBS=on >/dev/null &&
    cmake --build bdir -j "$jobs" >/dev/null || return 1
  local out; out=$(cd bdir && ctest 2>&1); echo "$out" | tail -30
  local line; line=$(grep -E 'tests failed out of [0-9]+' <<<"$out" | tail -1)
  [ -n "$line" ] || { echo "0 1"; return 0; }
  awk '{ for (i = 1; i <= NF; i++) if ($i == "failed") f = $(i - 2); print $NF - f, $NF }' \
    <<<"$line"
}

# xmltest counts its own checks ("Pass N, Fail M").
t_tinyxml2() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=None -DBUILD_SHARED_LIBS=yes \
    -Dtinyxml2_BUILD_TESTING=ON >/dev/null && cmake --build build -j "$jobs" >/dev/null || return 1
  local out; out=$(cd build && ctest -V 2>&1); echo "$out" | tail -10
  local pass fail
  pass=$(grep -oE 'Pass [0-9]+' <<<"$out" | tail -1 | awk '{print $2}')
  fail=$(grep -oE 'Fail [0-9]+' <<<"$out" | tail -1 | awk '{print $2}')
  echo "${pass:-0} $((${pass:-0} + ${fail:-1}))"
}

# The autotools + libtool package, --enable-shared, as debian/rules builds it (buildconf.sh
# then configure, in expat/): its runtests count their checks.
t_expat() {
  cd expat && ./buildconf.sh >/dev/null 2>&1 &&
    ./configure --enable-shared --disable-static --without-docbook >/dev/null &&
    make -j"$jobs" >/dev/null || return 1
  local out; out=$(make check 2>&1); echo "$out" | tail -30
  local pass=0 total=0
  while read -r c f; do
    total=$((total + c)); pass=$((pass + c - f))
  done < <(grep -ohE 'Checks: [0-9]+, Failed: [0-9]+' tests/*.log 2>/dev/null |
    awk '{gsub(",", ""); print $2, $4}')
  echo "$pass $total"
}

# ---- one package with one linker ---------------------------------------------------------
run_one() { # LINKER PACKAGE
  local ln=$1 p=$2 dir=$work/$1/$2 log=$work/$1/$2.log
  mkdir -p "$work/$ln"
  : > "$work/$ln/$p.links"
  echo build-failed > "$work/$ln/$p.result"
  echo 0 > "$work/$ln/$p.seconds"
  unpack "$p" "$dir" || return
  local cflags ldflags
  cflags=$(dpkg-buildflags --get CFLAGS)
  ldflags=$(dpkg-buildflags --get LDFLAGS)
  local t0 t1
  t0=$(date +%s)
  (cd "$dir" && export CC="gcc -B$work/wrap-$ln/" CXX="g++ -B$work/wrap-$ln/" \
    CFLAGS="$cflags" CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS)" \
    LDFLAGS="$ldflags -B$work/wrap-$ln/" COMPAT_LINK_LOG="$work/$ln/$p.links" &&
    "t_$p") > "$log" 2>&1
  local rc=$?
  t1=$(date +%s)
  local last; last=$(tail -1 "$log")
  [ $rc -eq 0 ] && [[ $last =~ ^[0-9]+\ [0-9]+$ ]] || last="build-failed"
  echo "$last" > "$work/$ln/$p.result"
  echo "$((t1 - t0))" > "$work/$ln/$p.seconds"
  say "$ln $p: $last (tests passed, total) in $((t1 - t0)) s"
}

# Sum of the final outputs' sizes (each path's last link) and of the link times.
link_stats() { # LINKS-FILE -> "count size-bytes milliseconds failures"
  awk '{ t += $1; if ($3 != 0) bad++; size[$4] = $2; n++ }
       END { s = 0; for (k in size) s += size[k]; printf "%d %d %d %d\n", n, s, t / 1e6, bad }' "$1"
}

fetch_sources
# A copy of tld, so that rebuilding it while this runs changes nothing here.
mkdir -p "$work/bin" && cp "$tld" "$work/bin/tld" || exit 1
wrap bfd /usr/bin/ld.bfd
wrap tld "$work/bin/tld"
for p in "${packages[@]}"; do
  declare -F "t_$p" >/dev/null || { say "unknown package $p"; exit 1; }
  run_one bfd "$p"
  run_one tld "$p"
done

{
  printf '| package | tests passed, GNU ld | tests passed, tld | output bytes, GNU ld | output bytes, tld | link time, GNU ld | link time, tld | links | build + tests, GNU ld / tld |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  fmt() { [[ $1 == build-failed ]] && echo "build failed" || awk '{printf "%d/%d", $1, $2}' <<<"$1"; }
  for p in "${packages[@]}"; do
    read -r nb sb tb fb < <(link_stats "$work/bfd/$p.links")
    read -r nt st tt ft < <(link_stats "$work/tld/$p.links")
    rb=$(cat "$work/bfd/$p.result"); rt=$(cat "$work/tld/$p.result")
    printf '| %s | %s | %s | %s | %s | %d ms | %d ms | %d / %d | %d s / %d s |\n' "$p" "$(fmt "$rb")" \
      "$(fmt "$rt")" "$sb" "$st" "$tb" "$tt" "$nb" "$nt" "$(cat "$work/bfd/$p.seconds")" \
      "$(cat "$work/tld/$p.seconds")"
  done
} | tee "$work/table.txt"

# Fail when tld could not build what GNU ld built, or more tests fail with tld than with GNU ld
# (counts, not names: some suites' totals vary from run to run).
status=0
for p in "${packages[@]}"; do
  rb=$(cat "$work/bfd/$p.result") rt=$(cat "$work/tld/$p.result")
  [[ $rb == build-failed ]] && continue
  if [[ $rt == build-failed ]]; then
    say "$p builds with GNU ld but not with tld: see $work/tld/$p.log"
    status=1
  elif (($(awk '{print $2 - $1}' <<<"$rt") > $(awk '{print $2 - $1}' <<<"$rb"))); then
    say "$p: more tests fail with tld than with GNU ld: see $work/tld/$p.log"
    status=1
  fi
done
exit $status
