#!/usr/bin/env bash
# Training speed of this checkout against an earlier commit, side by side: builds BASE in a temporary git
# worktree, then runs TrainingBenchmark from each, alternating, ROUNDS times, with the same arguments, and prints
# every figure line prefixed with "base" or "head", then each side's median per model.
# BASE_ENV and HEAD_ENV are extra environment settings for one side: BASE_ENV="ONEDNN_MAX_CPU_ISA=AVX2
# DNNL_MAX_CPU_ISA=AVX2", say, runs an older, unpinned commit with the kernels oneDNN picks on an AVX2-only CPU.
# HEAD_ARGS are benchmark arguments for this checkout only (such as --kernels native, which older commits do not
# know). Both sides use this checkout's third-party jars, so BASE must pin the same DL4J version.
# Needs this checkout built (mvn -B -q install -DskipTests -Dinvoker.skip=true) and dataset-fashion-mnist.
# Usage: benchmark/speed-vs-commit.sh BASE ROUNDS [benchmark arguments...]
set -euo pipefail
if [ $# -lt 2 ] || ! [[ $2 =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 BASE ROUNDS [benchmark arguments...]  (BASE: a commit, e.g. 1bb448d; ROUNDS: a positive number)" >&2
    exit 2
fi
git -C "$(dirname "$0")" rev-parse --verify -q "$1^{commit}" >/dev/null \
    || { echo "$0: '$1' is not a commit of this repository" >&2; exit 2; }
base=$1 rounds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add -q --detach "$work/base" "$base"
# package, not install: the base's classes must not replace this checkout's in the local repository.
mvn -B -q -o -f "$work/base/pom.xml" package -DskipTests -Dinvoker.skip=true \
    -pl fashion-ml-core,fashion-ml-benchmark -am >/dev/null
mvn -B -q -o -f "$root/pom.xml" -pl fashion-ml-benchmark dependency:build-classpath -Dmdep.outputFile="$work/deps" \
    >/dev/null
thirdParty=$(tr ':' '\n' < "$work/deps" | grep -v '/fashion-ml-core/' | paste -sd:)
classpath() {
    echo "$1/fashion-ml-core/target/classes:$1/fashion-ml-benchmark/target/classes:$thirdParty"
}
run() {
    local side=$1 tree=$2 settings=$3
    shift 3
    # shellcheck disable=SC2086 # the settings are NAME=VALUE words
    env $settings java -cp "$(classpath "$tree")" io.github.fashionml.benchmark.TrainingBenchmark "$@" 2>&1 \
        | grep -v '^SLF4J' | sed "s/^/$side /"
}
echo "base $(git -C "$root" rev-parse --short "$base") with [${BASE_ENV:-}]," \
    "head $(git -C "$root" rev-parse --short HEAD) with [${HEAD_ENV:-}] [${HEAD_ARGS:-}]"
for round in $(seq "$rounds"); do
    echo "round $round"
    run base "$work/base" "${BASE_ENV:-}" "$@"
    # shellcheck disable=SC2086 # the head's own arguments are words
    run head "$root" "${HEAD_ENV:-}" ${HEAD_ARGS:-} "$@"
done | tee "$work/figures"
# Per model, each side's median of the best-epoch images/s (the seventh figure from the right of a model line).
echo "median images/s over $rounds rounds:"
awk '($1 == "base" || $1 == "head") && $(NF-6) ~ /^[0-9][0-9,]*$/ {
        rate = $(NF-6); gsub(",", "", rate); key = $2 SUBSEP $1; n[key]++; v[key, n[key]] = rate + 0
        if (!($2 in seen)) { seen[$2] = 1; order[++models] = $2 }
    }
    function median(key,    i, j, t, count) {
        count = n[key]
        for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++)
            if (v[key, j] < v[key, i]) { t = v[key, i]; v[key, i] = v[key, j]; v[key, j] = t }
        return count % 2 ? v[key, (count + 1) / 2] : (v[key, count / 2] + v[key, count / 2 + 1]) / 2
    }
    END {
        for (m = 1; m <= models; m++) {
            b = median(order[m] SUBSEP "base"); h = median(order[m] SUBSEP "head")
            printf "  %-10s base %8.0f  head %8.0f  head/base %.2f\n", order[m], b, h, (b > 0 ? h / b : 0)
        }
    }' "$work/figures"
