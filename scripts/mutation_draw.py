"""Draw a stratified random sample of the mutants mutmut generated, for scripts/mutation.sh --sample.

Run after mutmut has generated the mutants (any ``scripts/mutation.sh`` run leaves them in
``mutants/``)::

    python scripts/mutation_draw.py --seed 20261203 --share 0.046 > scripts/mutation_sample_3.txt

Every module in scope is a stratum: from each, ``max(2, round(share * its mutants))`` names are
drawn with ``random.Random(seed).sample`` over the sorted names, modules taken in path order, so
the same seed and the same sources give the same file.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import subprocess
import sys

SCOPE = ("text/", "data/", "spec/", "userdata/", "write.py", "staging.py", "option_names.py")


def mutants_by_module(root: pathlib.Path) -> dict[str, list[str]]:
    """Every mutant's name by module (``izmir_maps/spec/legend``), from mutmut's ``.meta`` files."""
    out: dict[str, list[str]] = {}
    for meta in sorted((root / "src").rglob("*.py.meta")):
        module = meta.relative_to(root / "src").as_posix().removesuffix(".py.meta")
        if not (module.removeprefix("izmir_maps/") + ".py").startswith(SCOPE):
            continue
        names = sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
        if names:
            out[module] = names
    return out


def draw(by_module: dict[str, list[str]], seed: int, share: float) -> dict[str, list[str]]:
    """``max(2, round(share * n))`` names of each module (all of a smaller one), in name order."""
    rng = random.Random(seed)
    picked = {}
    for module, names in by_module.items():
        k = min(len(names), max(2, round(share * len(names))))
        picked[module] = sorted(rng.sample(names, k))
    return picked


def main() -> None:
    """Print the sample file: a header saying how it was drawn, then one name a line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument(
        "--share", type=float, required=True, help="e.g. 0.05 for 5 %% of each module"
    )
    parser.add_argument("--mutants", type=pathlib.Path, default=pathlib.Path("mutants"))
    args = parser.parse_args()
    by_module = mutants_by_module(args.mutants)
    if not by_module:
        sys.exit(f"no mutants under {args.mutants}/src: run scripts/mutation.sh first")
    picked = draw(by_module, args.seed, args.share)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    total = sum(map(len, by_module.values()))
    drawn = sum(map(len, picked.values()))
    print(
        f"# Mutant sample (mutmut 3.8.1; names as generated at {commit}): {drawn} of the {total}\n"
        f"# mutants of text/, data/, spec/, userdata/, write.py, staging.py and option_names.py,\n"
        "# drawn by "
        f"scripts/mutation_draw.py --seed {args.seed} --share {args.share} (each module a stratum).\n"
        "# Run:    scripts/mutation.sh --sample <this file>"
    )
    for names in picked.values():
        print("\n".join(names))


if __name__ == "__main__":
    main()
