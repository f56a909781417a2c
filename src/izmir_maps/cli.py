"""Command-line interface: ``izmir-maps build | map | indicators | validate | compare``.

Bad input ends with a one-paragraph message and exit status 2; a bug in
izmir-maps itself says so and where to report it (exit status 1). No
traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from izmir_maps import __version__
from izmir_maps.errors import IzmirMapsError, OptionError

__all__ = ["main"]

_ISSUES = "https://github.com/izmir-maps/izmir-maps/issues"
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
    parser = _Parser(
        prog="izmir-maps",
        description="Maps of İzmir's districts for regional planning.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = sub.add_parser("build", help="build the whole atlas into a folder")
    build.add_argument("--out", type=Path, default=Path("output"), help="output folder")
    build.add_argument("--lang", choices=("tr", "en"), default="tr")
    build.add_argument("--no-static", action="store_true", help="skip PNG/SVG files")
    build.add_argument("--quiet", action="store_true", help="do not show progress")
    build.set_defaults(func=_cmd_build)

    mp = sub.add_parser(
        "map",
        help="draw one map",
        description="Draw one map: an indicator id (see `izmir-maps indicators`), "
        "'osb', 'wind' or 'combined', or a column of your own table with --data.",
    )
    mp.add_argument("indicator", nargs="?", help="indicator id, osb, wind or combined")
    mp.add_argument("--out", type=Path, required=True, help="output file (.html/.png/.svg/.pdf)")
    mp.add_argument("--format", choices=FORMATS, help="output format (default: from --out)")
    mp.add_argument("--scheme", help="quantiles, fisher_jenks, equal_interval, head_tail, user")
    mp.add_argument("--k", type=int, help="number of classes (2–9)")
    mp.add_argument("--breaks", help="upper class bounds for --scheme user, e.g. 1000,10000")
    mp.add_argument("--per", choices=("capita", "km2"), help="normalise per 1,000 residents or km²")
    mp.add_argument("--lang", choices=("tr", "en"), default="tr")
    mp.add_argument("--tiles", help="basemap tiles from a tile service (needs internet)")
    mp.add_argument("--size", choices=("a4", "half"), default="a4", help="static map size")
    mp.add_argument("--no-labels", action="store_true", help="do not label districts")
    mp.add_argument(
        "--data", type=Path, help="your own table (.csv or .xlsx), one row per district"
    )
    mp.add_argument("--column", help="column of --data to map")
    mp.add_argument("--district-column", help="column of --data naming the district")
    mp.add_argument(
        "--decimal",
        choices=("auto", ",", "."),
        default="auto",
        help="decimal mark of --data numbers (see README: ambiguous numbers)",
    )
    mp.add_argument("--encoding", default="auto", help="encoding of --data (auto, utf-8, cp1254)")
    mp.add_argument("--sep", default="auto", help="separator of --data: auto, ',', ';' or tab")
    mp.add_argument("--sheet", help="sheet of an .xlsx --data file (name or number)")
    mp.add_argument(
        "--allow-negative", action="store_true", help="accept negative values in --data"
    )
    mp.add_argument("--title", help="map title for --data (default: the column name)")
    mp.add_argument(
        "--province",
        help="province that --data describes: any of the 81 (name, P-code or plate number), "
        "or 'Türkiye' for all 973 districts (default: İzmir)",
    )
    mp.set_defaults(func=_cmd_map)

    val = sub.add_parser("validate", help="report every problem in your own district table")
    val.add_argument("file", type=Path, help="a .csv or .xlsx table, one row per district")
    val.add_argument("--column", help="check only this column")
    val.add_argument("--district-column", help="column naming the district")
    val.add_argument("--decimal", choices=("auto", ",", "."), default="auto")
    val.add_argument("--encoding", default="auto")
    val.add_argument("--sep", default="auto")
    val.add_argument("--sheet")
    val.add_argument("--allow-negative", action="store_true")
    val.add_argument(
        "--province",
        help="province the table describes (default İzmir; 'Türkiye' for all 973 districts)",
    )
    val.set_defaults(func=_cmd_validate)

    cmp = sub.add_parser("compare", help="compare districts side by side")
    cmp.add_argument("districts", nargs="+", help="2–6 district names (any spelling) or P-codes")
    cmp.add_argument("--out", type=Path, default=Path("compare.html"), help="output .html file")
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

    written = build_atlas(args.out, lang=args.lang, static=not args.no_static, progress=progress)
    print(f"{len(written)} files written to {args.out}")
    return 0


def _cmd_map(args: argparse.Namespace) -> int:
    from izmir_maps.spec import map_spec as mapspec

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        msg = (
            f"Cannot tell the format of {str(args.out)!r}; give --out a suffix "
            f"{', '.join('.' + f for f in FORMATS)} or use --format."
        )
        raise OptionError(msg)
    layer = "web" if fmt == "html" else "detailed"
    breaks = _parse_breaks(args.breaks)
    if args.province is not None and args.data is None:
        from izmir_maps.data.provinces import is_izmir

        if not is_izmir(args.province):
            msg = (
                f"--province {args.province!r} needs --data: the built-in indicators describe "
                "İzmir's districts only. Map your own table of that province with --data and "
                "--column."
            )
            raise OptionError(msg)
    if args.data is not None:
        spec = _user_spec(args, layer, breaks)
    elif not args.indicator:
        msg = "Name an indicator (see `izmir-maps indicators`), 'osb', 'wind' or 'combined', or give --data."
        raise OptionError(msg)
    elif args.indicator in MARKER_MAPS:
        build = {
            "osb": mapspec.osb_spec,
            "wind": mapspec.wind_spec,
            "combined": mapspec.combined_spec,
        }[args.indicator]
        spec = build(lang=args.lang, layer=layer)
    else:
        spec = mapspec.choropleth_spec(
            args.indicator,
            scheme=args.scheme,
            k=args.k,
            breaks=breaks,
            per=args.per,
            lang=args.lang,
            layer=layer,
        )
    path = _write(spec, args, fmt)
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _write(spec, args: argparse.Namespace, fmt: str) -> Path:
    if fmt == "html":
        from izmir_maps.interactive.render import write_html

        return write_html(spec, args.out, tiles=args.tiles, labels=not args.no_labels)
    if args.tiles:
        msg = "--tiles applies to HTML maps only; static maps are drawn without tiles."
        raise OptionError(msg)
    from izmir_maps.static.render import save_static

    return save_static(spec, args.out, size=args.size, labels=not args.no_labels, fmt=fmt)


def _user_spec(args: argparse.Namespace, layer: str, breaks: list[float] | None):
    from izmir_maps.spec.user_spec import user_choropleth_spec

    if not args.column:
        msg = "--data needs --column: the column of your table to map."
        raise OptionError(msg)
    spec, warnings = user_choropleth_spec(
        args.data,
        column=args.column,
        district_column=args.district_column,
        decimal=args.decimal,
        encoding=args.encoding,
        scheme=args.scheme,
        k=args.k,
        breaks=breaks,
        lang=args.lang,
        layer=layer,
        title=args.title,
        province=args.province,
    )
    for warning in warnings:
        print(f"izmir-maps: warning: {warning}", file=sys.stderr)
    return spec


def _sheet(text: str | None) -> str | int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else text


def _cmd_validate(args: argparse.Namespace) -> int:
    from izmir_maps.userdata.table import validate_user_file_report

    report = validate_user_file_report(
        args.file,
        column=args.column,
        district_column=args.district_column,
        decimal=args.decimal,
        encoding=args.encoding,
        sep=args.sep,
        sheet=_sheet(args.sheet),
        allow_negative=args.allow_negative,
        matcher=_province_matcher(args.province),
    )
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


def _province_matcher(province: str | None):
    from izmir_maps.data.provinces import is_izmir, province_matcher

    return None if is_izmir(province) else province_matcher(province)  # type: ignore[arg-type]


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
