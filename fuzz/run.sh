#!/usr/bin/env bash
# Run fuzz targets one after the other (fuzz/README).
#
#   fuzz/run.sh [-t SECONDS] [-c | -k] FUZZ_DIR TARGET...
#
# Each FUZZ_DIR/TARGET runs for SECONDS (default 60) over FUZZ_DIR/work/TARGET (where new inputs
# collect), FUZZ_DIR/corpus/TARGET (the seeds) and fuzz/regress/TARGET (inputs that once failed,
# executed first). Failing inputs go to FUZZ_DIR/findings/TARGET/. One line per target:
#
#   fuzz: TARGET: N executions in S s (E/s), new corpus inputs C, findings F
#
# (S is the time the target really ran.) With -c (the check `make check` runs) the new inputs go
# to a temporary directory that is removed, and the seed is fixed, so that only what the corpus
# and the regression inputs lead to can fail; the first failure ends the target's run. With -k
# (what `make fuzz` runs) a failure does not end the campaign: libFuzzer runs the target in a
# child process (-fork=1) that is restarted after a crash, a time-out or running out of memory,
# every failing input is kept, and the target runs for its whole time. The exit status is 1 if
# any target found something.

set -uo pipefail
cd "$(dirname "$0")/.."

time=60
check=0
keep=0
while getopts t:ck opt; do
	case $opt in
	t) time=$OPTARG ;;
	c) check=1 ;;
	k) keep=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
dir=${1:?usage: fuzz/run.sh [-t SECONDS] [-c | -k] FUZZ_DIR TARGET...}
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
	((keep)) && extra+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
	dirs=("$work" "$dir/corpus/$t")
	[[ -d fuzz/regress/$t ]] && dirs+=("fuzz/regress/$t")
	before=$(find "$findings" -type f | wc -l)
	log=$(mktemp "${TMPDIR:-/tmp}/tld-fuzz-$t.log.XXXXXX")
	start=$SECONDS
	# Leaks are not findings: the link-editor frees nothing by design. stdout and stderr of the
	# target are closed (its diagnostics are not wanted); libFuzzer's own report stays.
	"$bin" -max_total_time="$time" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
		-close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$findings/" "${extra[@]}" \
		"${dirs[@]}" >"$log" 2>&1
	rc=$?
	ran=$((SECONDS - start))
	after=$(find "$findings" -type f | wc -l)
	if ((keep)); then # the parent's last status line: "#N: cov: ... exec/s E ..."
		execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
	else
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	fi
	secs=$((${execs:-0} / (ran > 0 ? ran : 1)))
	corpus=$(find "$work" -type f | wc -l)
	found=$((after - before))
	if ((rc != 0 && found == 0)); then found=1; fi
	echo "fuzz: $t: ${execs:-0} executions in $ran s ($secs/s), new corpus inputs $corpus, findings $found"
	if ((found)); then
		status=1
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written|CRASH|TIMEOUT|OOM)' "$log" |
			awk '!seen[$0]++' | head -20 | sed "s/^/fuzz: $t: /"
	fi
	rm -f "$log"
	((check)) && rm -rf "$work"
done
exit $status
