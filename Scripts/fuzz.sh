#!/usr/bin/env bash
# `make fuzz`: libFuzzer over the readers of outside input (docs/reliability.md, « Fuzzing »).
#
# Builds CharterKit and its dependencies with the fuzzer's instrumentation in its own scratch
# path (.build-fuzz), links one driver (Fuzz/Driver.swift + the targets' bodies, shared with
# the corpus replay test), then runs each target for FUZZ_SECONDS (60 by default) from its
# corpus in Tests/FuzzCorpus/<target>/ (new interesting inputs go to .build-fuzz/corpus/<target>,
# crashes to .build-fuzz/crashes/<target>/). A crash found is fixed, and its input copied into
# Tests/FuzzCorpus/<target>/ so that `make test` replays it for ever.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SWIFT=${SWIFT:-swift}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"manifest clause csv record diff-apply check-clause"}
build=.build-fuzz
$SWIFT build --build-path "$build" --target CharterKit -Xswiftc -sanitize=fuzzer
bin=$($SWIFT build --build-path "$build" --show-bin-path)
objects=$(find "$bin/CharterKit.build" "$bin/GitKit.build" "$bin/Yams.build" "$bin/CYaml.build" "$bin/CSV.build" -name '*.o')
cyaml=$(find "$build/checkouts" -path '*Sources/CYaml/include' -type d | head -n 1)
swiftc -sanitize=fuzzer -parse-as-library -Onone -g \
    -I "$bin/Modules" -I "$root/Sources/CLibGit2" -I "$cyaml" \
    -Xcc -fmodule-map-file="$cyaml/module.modulemap" \
    Fuzz/Driver.swift Tests/CharterKitTests/Fuzzing/FuzzTargets.swift $objects \
    $(pkg-config --libs libgit2) -lz -o "$build/charter-fuzz"
mkdir -p "$build/report"
for target in $targets; do
    mkdir -p "$build/corpus/$target" "$build/crashes/$target"
    echo "== $target ($seconds s)"
    SWIFT_BACKTRACE=enable=no CHARTER_FUZZ_TARGET=$target "$build/charter-fuzz" "$build/corpus/$target" "Tests/FuzzCorpus/$target" \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$build/crashes/$target/" >"$build/report/$target.log" 2>&1 || true
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE|cov:' "$build/report/$target.log" | tail -n 3 || true
    crashes=$(find "$build/crashes/$target" -type f | wc -l)
    echo "   crashes kept in $build/crashes/$target: $crashes"
done
