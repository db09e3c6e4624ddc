#!/bin/sh
# Builds the libFuzzer targets in fuzz/targets/ into .build-fuzz/bin/.
#
# The lab's modules are compiled by SwiftPM with coverage instrumentation and
# AddressSanitizer in a separate scratch path (.build-fuzz, gitignored), so the
# normal `swift build`/`swift test` graph never sees -sanitize=fuzzer. Each
# target is then linked with swiftc against those objects; libFuzzer supplies main.
set -eu
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
FLAGS="-sanitize=fuzzer,address"

# Release: optimised, and still trapping on overflow, bounds and preconditions (-O keeps them).
$SWIFT build -c release --scratch-path "$SCRATCH" -Xswiftc "$FLAGS" --target LabShell >&2

BIN="$($SWIFT build -c release --scratch-path "$SCRATCH" --show-bin-path)"
SHIMS="$SCRATCH/checkouts/swift-numerics/Sources/_NumericsShims/include"
OBJECTS=""
for module in _NumericsShims RealModule LSTMCore LSTMKernels TensorFiles LabText TensorExpr TermRender LessonKit LabShell; do
    # Modules other helpers add or split land here; one that does not exist (yet) is skipped.
    [ -d "$BIN/$module.build" ] || continue
    # Only the objects of today's sources: a file moved to another module (the engine split)
    # leaves its old object behind in a reused scratch path, and linking it fails.
    for object in "$BIN/$module.build/"*.o; do
        source=$(basename "$object" .o)
        case "$source" in
            *.swift) find Sources .build-fuzz/checkouts -name "$source" -path "*/$module/*" 2>/dev/null | grep -q . || continue ;;
        esac
        OBJECTS="$OBJECTS $object"
    done
done
mkdir -p "$SCRATCH/bin"
for target in ${FUZZ_TARGETS:-CommandLine Expression NPY SafeTensors Lesson Progress}; do
    echo "linking fuzz target $target" >&2
    # shellcheck disable=SC2086
    swiftc $FLAGS -O -parse-as-library -g -I "$BIN/Modules" \
        -Xcc -fmodule-map-file="$SHIMS/module.modulemap" -Xcc -I"$SHIMS" \
        -Xcc -fmodule-map-file=Sources/COpenBLAS/module.modulemap -Xcc -ISources/COpenBLAS \
        fuzz/targets/Support.swift "fuzz/targets/$target.swift" $OBJECTS \
        -o "$SCRATCH/bin/$target" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
    test -x "$SCRATCH/bin/$target"
done
