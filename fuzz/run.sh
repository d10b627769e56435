#!/usr/bin/env bash
# Run fuzz targets one after the other (fuzz/README).
#
#   fuzz/run.sh [-t SECONDS] [-c] FUZZ_DIR TARGET...
#
# Each FUZZ_DIR/TARGET runs for SECONDS (default 60) over FUZZ_DIR/work/TARGET (where new inputs
# collect), FUZZ_DIR/corpus/TARGET (the seeds) and fuzz/regress/TARGET (inputs that once failed,
# executed first). Failing inputs go to FUZZ_DIR/findings/TARGET/. One line per target:
#
#   fuzz: TARGET: N executions in S s (E/s), corpus C, findings F
#
# With -c (the check `make check` runs) the new inputs go to a temporary directory that is
# removed, and the seed is fixed, so that only what the corpus and the regression inputs lead to
# can fail. The exit status is 1 if any target found something.

set -uo pipefail
cd "$(dirname "$0")/.."

time=60
check=0
while getopts t:c opt; do
	case $opt in
	t) time=$OPTARG ;;
	c) check=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
dir=${1:?usage: fuzz/run.sh [-t SECONDS] [-c] FUZZ_DIR TARGET...}
shift

# Leak reports at exit are off for targets without the harness's sanitizer defaults too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

status=0
for t in "$@"; do
	bin=$dir/$t
	if [[ ! -x $bin ]]; then
		echo "fuzz: $t: $bin is not built (make fuzz-build)" >&2
		status=1
		continue
	fi
	findings=$dir/findings/$t
	mkdir -p "$findings" "$dir/corpus/$t"
	if ((check)); then
		work=$(mktemp -d "${TMPDIR:-/tmp}/tld-fuzz-$t.XXXXXX")
		extra=(-seed=1)
	else
		work=$dir/work/$t
		mkdir -p "$work"
		extra=()
	fi
	dirs=("$work" "$dir/corpus/$t")
	[[ -d fuzz/regress/$t ]] && dirs+=("fuzz/regress/$t")
	before=$(find "$findings" -type f | wc -l)
	log=$(mktemp "${TMPDIR:-/tmp}/tld-fuzz-$t.log.XXXXXX")
	# Leaks are not findings: the link-editor frees nothing by design. stdout and stderr of the
	# target are closed (its diagnostics are not wanted); libFuzzer's own report stays.
	"$bin" -max_total_time="$time" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
		-close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$findings/" "${extra[@]}" \
		"${dirs[@]}" >"$log" 2>&1
	rc=$?
	after=$(find "$findings" -type f | wc -l)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	secs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	corpus=$(find "$work" -type f | wc -l)
	found=$((after - before))
	if ((rc != 0 && found == 0)); then found=1; fi
	echo "fuzz: $t: ${execs:-0} executions in $time s (${secs:-0}/s), new corpus inputs $corpus, findings $found"
	if ((found)); then
		status=1
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" |
			head -20 | sed "s/^/fuzz: $t: /"
	fi
	rm -f "$log"
	((check)) && rm -rf "$work"
done
exit $status
