#!/usr/bin/env bash
# The tree's house rules, run by `make test` (and so by CI) before the build:
#   - `swift format lint --strict` with the repository's .swift-format (line length 120);
#   - no Swift source file over 500 lines.
# LSTMCore's purity (no C modules, Dispatch, threads or unsafe pointers) is a test:
# Tests/LSTMCoreTests/CorePurityTests.swift.
set -u
cd "$(dirname "$0")/.." || exit 2
SWIFT=${SWIFT:-swift}
status=0

if ! "$SWIFT" format lint --strict --recursive Sources Tests fuzz Package.swift; then
    echo "check_tree: swift format lint --strict found the findings above;" \
        "'swift format format --in-place --recursive Sources Tests fuzz Package.swift' fixes most" >&2
    status=1
fi

long=$(find Sources Tests fuzz -name '*.swift' -print0 | xargs -0 wc -l | awk '$2 != "total" && $1 > 500 { print "  " $2 ": " $1 " lines" }')
if [ -n "$long" ]; then
    echo "check_tree: Swift files over 500 lines (split them where the parts have names):" >&2
    echo "$long" >&2
    status=1
fi
exit $status
