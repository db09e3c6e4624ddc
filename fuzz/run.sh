#!/bin/sh
# Runs every libFuzzer target for FUZZ_SECONDS (default 60) each.
#
#   fuzz/run.sh                  all targets      FUZZ_TARGETS="NPY Lesson" fuzz/run.sh
#
# The committed seeds (fuzz/corpus/TARGET) are copied into a working corpus under
# .build-fuzz/corpus/TARGET, which grows run after run and is not committed.
# A crashing input is written to fuzz/crashes/TARGET/: commit it, fix the bug, and
# FuzzTests' regression suite replays it on every `make test`. Leak detection is off:
# the Swift runtime's and Foundation's caches read as leaks.
set -u
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-CommandLine Expression NPY SafeTensors Lesson Progress}
export LSTMLAB_ROOT="$PWD"
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
status=0
total=0
for target in $TARGETS; do
    work=.build-fuzz/corpus/$target
    mkdir -p "$work" "fuzz/crashes/$target"
    cp -n fuzz/corpus/$target/* "$work/" 2>/dev/null
    dict=""
    [ -f "fuzz/dict/$target.dict" ] && dict="-dict=fuzz/dict/$target.dict"
    log=.build-fuzz/$target.log
    echo "== $target: ${SECONDS_PER_TARGET}s"
    # shellcheck disable=SC2086
    .build-fuzz/bin/$target "$work" $dict -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -timeout=10 \
        -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="fuzz/crashes/$target/" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "   exit $rc, ${runs:-0} executions, $cov, corpus $(ls "$work" | wc -l) inputs"
    total=$((total + ${runs:-0}))
    if [ $rc -ne 0 ]; then
        status=1
        grep -E "ERROR: |Fatal error|property failed|Test unit written" "$log" | head -5 | sed 's/^/   /'
    fi
done
echo "total executions: $total"
exit $status
