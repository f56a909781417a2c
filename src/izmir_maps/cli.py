"""Command-line interface: ``izmir-maps build | indicators | …``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from izmir_maps import __version__
from izmir_maps.errors import IzmirMapsError

__all__ = ["main"]

_ISSUES = "https://github.com/izmir-maps/izmir-maps/issues"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 internal error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except IzmirMapsError as exc:
        print(f"izmir-maps: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("izmir-maps: interrupted; no partial files were left.", file=sys.stderr)
        return 130
    except Exception as exc:
        print(
            f"izmir-maps: internal error ({type(exc).__name__}: {exc}). This is a bug in "
            f"izmir-maps, not in your input; please report it at {_ISSUES} with the command "
            "you ran.",
            file=sys.stderr,
        )
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="izmir-maps",
        description="Maps of İzmir's districts for regional planning.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the whole atlas into a folder")
    build.add_argument("--out", type=Path, default=Path("output"), help="output folder")
    build.add_argument("--quiet", action="store_true", help="do not show progress")
    build.set_defaults(func=_cmd_build)

    listing = sub.add_parser("indicators", help="list the indicators that can be mapped")
    listing.add_argument("--lang", choices=("tr", "en"), default="tr")
    listing.set_defaults(func=_cmd_indicators)
    return parser


def _cmd_build(args: argparse.Namespace) -> int:
    from izmir_maps.atlas import build_atlas

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    written = build_atlas(args.out, progress=progress)
    print(f"{len(written)} files written to {args.out}")
    return 0


def _cmd_indicators(args: argparse.Namespace) -> int:
    from izmir_maps.registry import indicator, indicator_ids

    for ind_id in indicator_ids():
        ind = indicator(ind_id)
        print(f"{ind.id:45s} {ind.title(args.lang)} — {ind.source_short}")
    return 0
