#!/usr/bin/env bash
# Mutation testing of the core modules and the writers with mutmut 3 (see [tool.mutmut] in
# pyproject.toml for the modules mutated and the tests run).
#
#   pip install -e ".[test]" mutmut==3.8.1
#   scripts/mutation.sh                      # every module in scope (~12,000 mutants: a day)
#   scripts/mutation.sh "izmir_maps.text*"   # one folder (mutant-name globs, as mutmut takes)
#   scripts/mutation.sh --keep "izmir_maps.text.numbers.x_parse_number__mutmut_7"  # re-run one
#   scripts/mutation.sh --sample scripts/mutation_sample.txt   # the mutant names a file lists
#
# It starts from a fresh copy of the sources (mutants/ is removed: mutmut does not refresh the
# non-Python files it copied, e.g. the word catalogues) unless --keep is given, runs one test
# process at a time at the lowest priority (MUTMUT_CHILDREN overrides), and prints
# killed/survived/… per module and in total. `mutmut results` lists the survivors and
# `mutmut show NAME` the change each one makes.
set -euo pipefail

cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
MUTMUT="$(dirname "$PY")/mutmut"
if [[ ! -x "$MUTMUT" ]]; then
    echo "mutmut is not installed beside $PY: run $PY -m pip install mutmut==3.8.1" >&2
    exit 2
fi

keep=0
sample=""
while [[ "${1:-}" == "--keep" || "${1:-}" == "--sample" ]]; do
    if [[ "$1" == "--keep" ]]; then
        keep=1
        shift
    else
        sample="${2:?--sample needs a file of mutant names}"
        shift 2
    fi
done
if [[ -n "$sample" ]]; then
    # One name a line; blank lines and `#` comments (the seed, the command) are skipped.
    mapfile -t names < <(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$sample")
    set -- "$@" "${names[@]}"
fi
if [[ $# -eq 0 ]]; then
    set -- "izmir_maps.text*" "izmir_maps.data*" "izmir_maps.spec*" "izmir_maps.userdata*" \
        "izmir_maps.write*" "izmir_maps.staging*"
fi
if [[ $keep -eq 0 ]]; then
    rm -rf mutants
fi

# mutmut exits non-zero when mutants survive; the summary below is the result either way.
mkdir -p mutants
nice -n 19 "$MUTMUT" run --max-children "${MUTMUT_CHILDREN:-1}" "$@" >mutants/run.log 2>&1 || true
# Not `grep -m 1` in a pipe: with pipefail, tr's SIGPIPE on a long log would count as a failure.
speed="$(tr '\r' '\n' <mutants/run.log | grep "mutations/second" || true)"
if [[ -z "$speed" ]]; then
    echo "mutmut did not finish; see mutants/run.log" >&2
    tr '\r' '\n' <mutants/run.log | tail -n 30 >&2
    exit 1
fi
echo "${speed%%$'\n'*}"

"$PY" - "$@" <<'EOF'
"""Count mutmut's verdicts per module from mutants/**/*.meta, for the globs given."""

import collections
import fnmatch
import json
import pathlib
import sys

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests",
          34: "skipped", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout",
          255: "timeout", None: "not checked"}
COLUMNS = ["killed", "survived", "timeout", "no tests", "suspicious", "not checked"]
globs = [g for g in sys.argv[1:] if any(c in g for c in "*?[")]
names = set(sys.argv[1:]) - set(globs)  # exact names (a --sample) are looked up, not matched
rows: dict[str, collections.Counter] = {}
for meta in sorted(pathlib.Path("mutants/src").rglob("*.py.meta")):
    module = meta.relative_to("mutants/src").as_posix().removesuffix(".py.meta")
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    picked = [c for k, c in codes.items() if k in names or any(fnmatch.fnmatch(k, g) for g in globs)]
    if picked:
        rows[module] = collections.Counter(STATUS.get(c, "suspicious") for c in picked)
total = sum(rows.values(), collections.Counter())
width = max(len(m) for m in [*rows, "total"])
print(f"{'module':<{width}} {'mutants':>8} " + " ".join(f"{c:>11}" for c in COLUMNS) + "  killed %")
for module, counts in [*rows.items(), ("total", total)]:
    n = sum(counts.values())
    tried = n - counts["not checked"]
    share = f"{100 * (counts['killed'] + counts['timeout']) / tried:5.1f}" if tried else "    –"
    print(f"{module:<{width}} {n:>8} " + " ".join(f"{counts[c]:>11}" for c in COLUMNS) + f"  {share}")
EOF
