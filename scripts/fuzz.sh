#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer) and prints executions, time and corpus size.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]     # defaults: 300 s, target `analyze` (or `stages`)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a nightly toolchain; without nightly it
# falls back to the stable one with RUSTC_BOOTSTRAP=1. No sanitizer: the engine has no `unsafe`, and
# without ASan libFuzzer runs about twice as many executions. The working corpus goes to
# fuzz/corpus/TARGET (not committed); fuzz/seeds (committed, small) seeds it. A crash is saved in
# fuzz/artifacts/TARGET/ and reproduced with `cargo +nightly fuzz run --sanitizer none TARGET FILE`.
# Extra libFuzzer flags: FUZZ_ARGS="-max_len=65536 -jobs=2".
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
secs=${1:-300}
target=${2:-analyze}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/../target/fuzz}

if rustup run nightly rustc --version >/dev/null 2>&1; then
  cargo=(cargo +nightly fuzz)
else
  echo "no nightly toolchain: using stable with RUSTC_BOOTSTRAP=1" >&2
  export RUSTC_BOOTSTRAP=1
  cargo=(cargo fuzz)
fi
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz missing: cargo install cargo-fuzz --locked" >&2; exit 1; }

mkdir -p "corpus/$target" "artifacts/$target"
crashes_before=$(find "artifacts/$target" -type f | wc -l)
log=$(mktemp)
t0=$(date +%s)
set +e
# -timeout: one input taking over 10 s is a hang; -rss_limit_mb: memory must stay bounded.
"${cargo[@]}" run --sanitizer none -O "$target" "corpus/$target" seeds -- \
  -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$log" | grep -E "^(#[0-9]+.*(pulse|DONE)|==|INFO: (Seed|Loaded))|panicked|invariant|SUMMARY|Test unit written" || true
status=${PIPESTATUS[0]}
set -e
t1=$(date +%s)
execs=$(grep -o 'stat::number_of_executed_units:[[:space:]]*[0-9]*' "$log" | awk -F: '{s+=$NF} END {print s+0}')
speed=$(grep -o 'stat::average_exec_per_sec:[[:space:]]*[0-9]*' "$log" | awk -F: '{s+=$NF} END {print s+0}')
peak=$(grep -o 'stat::peak_rss_mb:[[:space:]]*[0-9]*' "$log" | awk -F: '{m=($NF+0>m)?$NF+0:m} END {print m+0}')
files=$(find "corpus/$target" -type f | wc -l)
bytes=$(du -sb "corpus/$target" | cut -f1)
echo
echo "target:     $target"
echo "executions: $execs"
echo "time:       $((t1 - t0)) s wall (fuzzing $secs s), $speed exec/s"
echo "peak RSS:   ${peak} MB"
echo "corpus:     $files files, $bytes bytes (fuzz/corpus/$target)"
# With -jobs the parent can exit 0 although a job crashed: count new artifacts too, and sum the jobs'
# own logs (fuzz-N.log) for the executions.
if compgen -G "fuzz-*.log" >/dev/null && [[ ${FUZZ_ARGS:-} == *-jobs=* ]]; then
  echo "jobs:       $(grep -ho 'stat::number_of_executed_units:[[:space:]]*[0-9]*' fuzz-*.log | awk -F: '{s+=$NF} END {print s+0}') executions in fuzz-*.log"
fi
new_crashes=$(( $(find "artifacts/$target" -type f | wc -l) - crashes_before ))
if (( new_crashes > 0 )) && [[ $status -eq 0 ]]; then
  echo "FAILED: $new_crashes new crash file(s) in fuzz/artifacts/$target/" >&2
  status=1
fi
if [[ $status -ne 0 ]]; then
  echo "FAILED (exit $status): see fuzz/artifacts/$target/ and the log $log" >&2
  exit "$status"
fi
rm -f "$log"
