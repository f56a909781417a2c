"""Command-line interface: ``izmir-maps build | map | indicators | validate | compare``.

Bad input ends with a one-paragraph message and exit status 2; a bug in
izmir-maps itself says so and how to report it (exit status 1). No
traceback reaches the user. ``map --data`` and ``validate`` share the options
of reading a user's table (:func:`izmir_maps.userdata.options.cli_parser`).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from izmir_maps import __version__
from izmir_maps.errors import IzmirMapsError, OptionError
from izmir_maps.userdata import options as read_options

__all__ = ["main"]

MARKER_MAPS = ("osb", "wind", "combined")
FORMATS = ("html", "png", "svg", "pdf")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line, like our own errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"izmir-maps: error: {message}. See `{self.prog} --help`.\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 2 bad input, 1 internal error)."""
    parser = _parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args) or 0)
    except IzmirMapsError as exc:
        print(f"izmir-maps: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f" {exc.filename!s}" if exc.filename else ""
        print(
            f"izmir-maps: error: cannot use{where}: {exc.strerror or exc}. Check that the path "
            "exists, is a folder where a folder is expected, and is writable.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt as exc:
        print(
            "izmir-maps: interrupted; nothing was half written: files and folders that were "
            "there before are as they were.",
            file=sys.stderr,
        )
        return 143 if isinstance(exc, _Terminated) else 130
    except Exception as exc:
        print(
            f"izmir-maps: internal error ({type(exc).__name__}: {exc}). This is a bug in "
            "izmir-maps, not in your input; please report it with the command you ran and this "
            "message (see README.md, section 'Reporting a problem').",
            file=sys.stderr,
        )
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so that every clean-up runs."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _output_path(text: str) -> Path:
    """An ``--out`` value; empty text would silently mean the current folder."""
    if not text.strip():
        msg = "--out is empty; name a file or folder, for example --out output"
        raise argparse.ArgumentTypeError(msg)
    return Path(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="izmir-maps",
        description="Maps of İzmir's districts for regional planning.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    reading = read_options.cli_parser()

    build = sub.add_parser("build", help="build the whole atlas into a folder")
    build.add_argument("--out", type=_output_path, default=Path("output"), help="output folder")
    build.add_argument(
        "--replace",
        action="store_true",
        help="replace --out even if it is a non-empty folder that izmir-maps did not write",
    )
    build.add_argument("--lang", choices=("tr", "en"), default="tr")
    build.add_argument("--no-static", action="store_true", help="skip PNG/SVG files")
    build.add_argument("--quiet", action="store_true", help="do not show progress")
    build.set_defaults(func=_cmd_build)

    mp = sub.add_parser(
        "map",
        parents=[reading],
        help="draw one map",
        description="Draw one map: an indicator id (see `izmir-maps indicators`), "
        "'osb', 'wind' or 'combined', or a column of your own table with --data.",
    )
    mp.add_argument("indicator", nargs="?", help="indicator id, osb, wind or combined")
    mp.add_argument(
        "--out", type=_output_path, required=True, help="output file (.html/.png/.svg/.pdf)"
    )
    mp.add_argument("--format", choices=FORMATS, help="output format (default: from --out)")
    mp.add_argument("--scheme", help="quantiles, fisher_jenks, equal_interval, head_tail, user")
    mp.add_argument("--k", type=int, help="number of classes (2–9)")
    mp.add_argument("--breaks", help="upper class bounds for --scheme user, e.g. 1000,10000")
    mp.add_argument(
        "--per",
        choices=("capita", "km2"),
        help="normalise per 1,000 residents or km² (built-in indicators only)",
    )
    mp.add_argument("--lang", choices=("tr", "en"), default="tr")
    mp.add_argument("--tiles", help="basemap tiles from a tile service (needs internet)")
    mp.add_argument("--size", choices=("a4", "half"), default="a4", help="static map size")
    mp.add_argument("--no-labels", action="store_true", help="do not label districts")
    mp.add_argument(
        "--data", type=Path, help="your own table (.csv or .xlsx), one row per district"
    )
    mp.add_argument("--title", help="map title for --data (default: the column name)")
    mp.set_defaults(func=_cmd_map)

    val = sub.add_parser(
        "validate", parents=[reading], help="report every problem in your own district table"
    )
    val.add_argument("file", type=Path, help="a .csv or .xlsx table, one row per district")
    val.set_defaults(func=_cmd_validate)

    cmp = sub.add_parser("compare", help="compare districts side by side")
    cmp.add_argument("districts", nargs="+", help="2–6 district names (any spelling) or P-codes")
    cmp.add_argument(
        "--out", type=_output_path, default=Path("compare.html"), help="output .html file"
    )
    cmp.add_argument("--lang", choices=("tr", "en"), default="tr")
    cmp.set_defaults(func=_cmd_compare)

    listing = sub.add_parser("indicators", help="list the indicators that can be mapped")
    listing.add_argument("--lang", choices=("tr", "en"), default="tr")
    listing.set_defaults(func=_cmd_indicators)
    return parser


def _cmd_build(args: argparse.Namespace) -> int:
    from izmir_maps.atlas import build_atlas

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    written = build_atlas(
        args.out,
        lang=args.lang,
        static=not args.no_static,
        progress=progress,
        replace=args.replace,
    )
    print(f"{len(written)} files written to {args.out}")
    return 0


def _cmd_map(args: argparse.Namespace) -> int:
    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        msg = (
            f"Cannot tell the format of {str(args.out)!r}; give --out a suffix "
            f"{', '.join('.' + f for f in FORMATS)} or use --format."
        )
        raise OptionError(msg)
    layer = "web" if fmt == "html" else "detailed"
    breaks = _parse_breaks(args.breaks)
    options = read_options.from_namespace(args)
    if args.data is not None:
        _refuse_overwriting_input(args.data, args.out)
        spec = _user_spec(args, options, layer, breaks)
    else:
        _check_without_data(args, options)
        spec = _builtin_spec(args, layer, breaks)
    path = _write(spec, args, fmt)
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _refuse_overwriting_input(data: Path, out: Path) -> None:
    same = out.exists() and data.exists() and os.path.samefile(data, out)
    if same or Path(os.path.realpath(out)) == Path(os.path.realpath(data)):
        msg = (
            f"--out {out} is the table being read (--data {data}); writing the map there would "
            "replace your data. Choose another --out, for example --out map.html."
        )
        raise OptionError(msg)


def _builtin_spec(args: argparse.Namespace, layer: str, breaks: list[float] | None):
    from izmir_maps.spec import map_spec as mapspec

    if not args.indicator:
        msg = "Name an indicator (see `izmir-maps indicators`), 'osb', 'wind' or 'combined', or give --data."
        raise OptionError(msg)
    if args.indicator in MARKER_MAPS:
        build = {
            "osb": mapspec.osb_spec,
            "wind": mapspec.wind_spec,
            "combined": mapspec.combined_spec,
        }[args.indicator]
        return build(lang=args.lang, layer=layer)
    return mapspec.choropleth_spec(
        args.indicator,
        scheme=args.scheme,
        k=args.k,
        breaks=breaks,
        per=args.per,
        lang=args.lang,
        layer=layer,
    )


def _write(spec, args: argparse.Namespace, fmt: str) -> Path:
    if fmt == "html":
        from izmir_maps.interactive.render import write_html

        return write_html(spec, args.out, tiles=args.tiles, labels=not args.no_labels)
    if args.tiles:
        msg = "--tiles applies to HTML maps only; static maps are drawn without tiles."
        raise OptionError(msg)
    from izmir_maps.static.render import save_static

    return save_static(spec, args.out, size=args.size, labels=not args.no_labels, fmt=fmt)


def _check_without_data(args: argparse.Namespace, options: read_options.ReadOptions) -> None:
    """Refuse reading options without --data rather than ignore them."""
    from izmir_maps.data.provinces import is_izmir

    flags = [flag for flag in read_options.given_flags(args) if flag != "--province"]
    if flags:
        verb = "applies" if len(flags) == 1 else "apply"
        msg = (
            f"{', '.join(flags)} {verb} to your own table only; give the table with --data, or "
            "leave the option out to map a built-in indicator."
        )
        raise OptionError(msg)
    if not is_izmir(options.province):
        msg = (
            f"--province {options.province!r} needs --data: the built-in indicators describe "
            "İzmir's districts only. Map your own table of that province with --data and "
            "--column."
        )
        raise OptionError(msg)


def _user_spec(
    args: argparse.Namespace,
    options: read_options.ReadOptions,
    layer: str,
    breaks: list[float] | None,
):
    from izmir_maps.spec.user_spec import user_choropleth_spec

    if options.column is None:
        msg = "--data needs --column: the column of your table to map."
        raise OptionError(msg)
    if args.per is not None:
        msg = (
            f"--per {args.per} applies to the built-in indicators only: izmir-maps cannot tell "
            "whether a column of your table is a count that may be divided by population or "
            "area. Add a column of normalised values to your table and map that column."
        )
        raise OptionError(msg)
    spec, warnings = user_choropleth_spec(
        args.data,
        options,
        scheme=args.scheme,
        k=args.k,
        breaks=breaks,
        lang=args.lang,
        layer=layer,
        title=args.title,
    )
    for warning in warnings:
        print(f"izmir-maps: warning: {warning}", file=sys.stderr)
    return spec


def _cmd_validate(args: argparse.Namespace) -> int:
    from izmir_maps.userdata.table import validate_user_file_report

    report = validate_user_file_report(args.file, read_options.from_namespace(args))
    for warning in report.warnings:
        print(f"warning: {warning}")
    if report.problems:
        print(f"{args.file}: {len(report.problems)} problem(s):")
        for i, problem in enumerate(report.problems, 1):
            print(f"  {i}. {problem}")
        return 2
    print(
        f"{args.file}: no problems found (district column: {report.district_column}; "
        f"columns: {', '.join(report.columns)})."
    )
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from izmir_maps.data.join import district_table
    from izmir_maps.pages.compare import render_comparison, resolve_districts
    from izmir_maps.write import write_text

    pcodes = resolve_districts(args.districts)
    html = render_comparison(district_table("web"), pcodes, lang=args.lang, profiles=None)
    path = write_text(args.out, html)
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _parse_breaks(text: str | None) -> list[float] | None:
    if text is None:
        return None
    try:
        return [float(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        msg = f"--breaks must be numbers separated by commas, e.g. 1000,10000; got {text!r}."
        raise OptionError(msg) from None


def _cmd_indicators(args: argparse.Namespace) -> int:
    from izmir_maps.data.registry import indicator, indicator_ids

    for ind_id in indicator_ids():
        ind = indicator(ind_id)
        print(f"{ind.id:45s} {ind.title(args.lang)} — {ind.source_short}")
    print(f"{'osb':45s} OSB / organised industrial zones (marker map)")
    print(f"{'wind':45s} Rüzgâr kurulu gücü / wind capacity (proportional symbols)")
    print(f"{'combined':45s} Çalışan + OSB + rüzgâr / employees + OSBs + wind (layers)")
    return 0
