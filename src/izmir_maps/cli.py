"""Command-line interface: ``izmir-maps build | map | indicators | validate | compare | report``.

Bad input ends with a one-paragraph message and exit status 2; a bug in
izmir-maps itself says so and how to report it (exit status 1). No
traceback reaches the user. When the reader of the output goes away
(``izmir-maps indicators | head -1``) the command stops quietly with status
141, as Unix tools killed by SIGPIPE do. ``map --data`` and ``validate`` share the options
of reading a user's table (:func:`izmir_maps.userdata.options.cli_parser`).
"""

from __future__ import annotations

import argparse
import errno
import math
import os
import re
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from izmir_maps import __version__
from izmir_maps.errors import IzmirMapsError, OptionError
from izmir_maps.option_names import named_as
from izmir_maps.text.numbers import parse_number
from izmir_maps.userdata import options as read_options

__all__ = ["main"]

MARKER_MAPS = ("osb", "wind", "combined")
FORMATS = ("html", "png", "svg", "pdf")
#: Exit status after a broken pipe: 128 + SIGPIPE, what a shell reports for ``yes | head -1``.
BROKEN_PIPE_STATUS = 141


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line, like our own errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"izmir-maps: error: {message}. See `{self.prog} --help`.\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status.

    0 ok, 2 bad input, 1 internal error, 141 when the reader of the output went
    away, 130 and 143 after Ctrl-C and SIGTERM.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with named_as(_flags(parser)):  # messages name --year-column and --province as typed
            status = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe fails here, not in Python's exit
        return status
    except IzmirMapsError as exc:
        print(f"izmir-maps: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) and exc.filename is None:
            _silence_stdout()
            return BROKEN_PIPE_STATUS
        print(f"izmir-maps: error: {_os_error_message(exc)}", file=sys.stderr)
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


#: errno → (verb, what happened, what to do) for the OSErrors a user can cause and fix.
_OS_ERRORS = {
    errno.ENOSPC: (
        "write",
        "the disk is full",
        "Free some space, or choose --out on another disk.",
    ),
    errno.EDQUOT: (
        "write",
        "your disk quota is used up",
        "Free some space, or choose another --out.",
    ),
    errno.EROFS: ("write", "the file system is read-only", "Choose another --out."),
    errno.EACCES: (
        "use",
        "permission denied",
        "Check that you may read it, or write in its folder.",
    ),
    errno.EPERM: ("use", "not permitted", "Check that you may read it, or write in its folder."),
    errno.ENOENT: ("use", "it does not exist", "Check the path."),
    errno.ENOTDIR: ("use", "a part of the path is a file, not a folder", "Check the path."),
    errno.EISDIR: ("use", "it is a folder, not a file", "Name a file."),
    errno.ELOOP: ("use", "its symbolic links form a loop", "Fix or remove the link."),
    errno.ENAMETOOLONG: ("use", "the name is too long", "Choose a shorter name."),
}


def _os_error_message(exc: OSError) -> str:
    """One paragraph for an OSError: the file, what happened and what to do."""
    reason = exc.strerror or str(exc)
    verb, what, advice = _OS_ERRORS.get(
        exc.errno or 0,
        ("use", "", "Check that the path exists, is a folder where a folder is expected, and "
         "is writable."),
    )  # fmt: skip
    said = f"{what} ({reason})" if what else reason
    # Notes say what the failure left as it was (see izmir_maps.staging).
    advice = " ".join([advice, *getattr(exc, "__notes__", ())])
    if exc.filename is None:
        return f"{said[:1].upper()}{said[1:]}. {advice}"
    return f"cannot {verb} {os.fsdecode(exc.filename)}: {said}. {advice}"


def _silence_stdout() -> None:
    """Point stdout at the null device so that Python's final flush cannot fail loudly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so that every clean-up runs."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _flags(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Every option of every command, its flag by the name Python gives it (``year_column``)."""
    flags: dict[str, str] = {}
    commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for command in commands[0].choices.values() if commands else ():
        for action in command._actions:
            long = [flag for flag in action.option_strings if flag.startswith("--")]
            if long and action.dest != "help":
                flags.setdefault(action.dest, long[0])
    return flags


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
    years = _years_parser()

    build = sub.add_parser("build", help="build the whole atlas into a folder")
    build.add_argument("--out", type=_output_path, default=Path("output"), help="output folder")
    build.add_argument(
        "--replace",
        action="store_true",
        help="replace --out even if it is a non-empty folder that izmir-maps did not write",
    )
    build.add_argument("--lang", choices=("tr", "en"), default="tr")
    build.add_argument("--no-static", action="store_true", help="skip PNG/SVG files")
    build.add_argument(
        "--no-reports", action="store_true", help="skip the district reports (HTML and PDF)"
    )
    build.add_argument("--quiet", action="store_true", help="do not show progress")
    build.set_defaults(func=_cmd_build)

    mp = sub.add_parser(
        "map",
        parents=[reading, years],
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
    mp.add_argument(
        "--breaks",
        help="upper class bounds (implies --scheme user), separated by ';' or spaces, written "
        "like your numbers: Turkish by default (1.000 is one thousand, 0,5 a half), or as "
        "--decimal says; e.g. '1.000;10.000'",
    )
    mp.add_argument(
        "--per",
        choices=("capita", "km2"),
        help="normalise per 1,000 residents or km² (built-in indicators only)",
    )
    mp.add_argument(
        "--boundaries",
        choices=("current", "2008"),
        help="district boundaries for 2008 data: '2008' puts Bayraklı into Karşıyaka and "
        "Karabağlar into Konak, as the data was recorded (the default for per-capita and per-km² "
        "maps of 2008 data); 'current' keeps today's 30 districts, the new ones hatched",
    )
    mp.add_argument("--lang", choices=("tr", "en"), default="tr")
    mp.add_argument("--tiles", help="basemap tiles from a tile service (needs internet)")
    mp.add_argument(
        "--layout",
        choices=("map", "grid"),
        default="map",
        help="'grid' draws every district as an equal hexagon placed near its real position, "
        "names written in full, so that small districts show as clearly as large ones (the "
        "shipped indicators, or your own table of İzmir's districts with --data)",
    )
    mp.add_argument(
        "--bivariate",
        metavar="OTHER",
        help="a 3 × 3 bivariate choropleth of INDICATOR (teal) and OTHER (pink): tertiles of "
        "each, a two-way legend, both values, classes and ranks in the tooltip (HTML only)",
    )
    mp.add_argument("--size", choices=("a4", "half"), default="a4", help="static map size")
    mp.add_argument("--no-labels", action="store_true", help="do not label districts")
    mp.add_argument(
        "--describe",
        action="store_true",
        help="print the map's description (what is mapped, highest and lowest districts, classes) "
        "under the title of a static map; HTML maps always carry it for screen readers",
    )
    mp.add_argument(
        "--data", type=Path, help="your own table (.csv or .xlsx), one row per district"
    )
    mp.add_argument("--title", help="map title for --data (default: the column name)")
    mp.add_argument(
        "--year",
        type=int,
        default=argparse.SUPPRESS,
        help="with --year-column or --years: the year shown first (default: the latest)",
    )
    mp.set_defaults(func=_cmd_map)

    val = sub.add_parser(
        "validate",
        parents=[reading, years],
        help="report every problem in your own district table",
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

    rep = sub.add_parser(
        "report",
        help="write district summary reports as PDF or HTML",
        description="Write the summary report of one or more districts (any spelling, or "
        "P-code), or of all 30 with --all, as an A4 PDF or an HTML page.",
    )
    rep.add_argument("districts", nargs="*", help="district names (any spelling) or P-codes")
    rep.add_argument("--all", action="store_true", help="all 30 districts, in one PDF")
    rep.add_argument("--out", type=_output_path, required=True, help="output file (.pdf or .html)")
    rep.add_argument("--lang", choices=("tr", "en"), default="tr")
    rep.add_argument("--quiet", action="store_true", help="do not show progress")
    rep.set_defaults(func=_cmd_report)

    exp = sub.add_parser(
        "export",
        help="write the district table and marker layers as gpkg, geojson, parquet or xlsx",
        description="Write the district table with every indicator and the marker layers "
        "(OSBs, wind): gpkg (layers, with a QGIS style per indicator), geojson or parquet "
        "(GeoParquet; the districts in --out, each marker layer in <stem>.<layer><suffix> "
        "beside it) or xlsx (a sheet per table, headers in --lang, no geometry).",
    )
    exp.add_argument("--out", type=_output_path, required=True, help="output file")
    exp.add_argument(
        "--format",
        choices=("gpkg", "geojson", "parquet", "xlsx"),
        help="output format (default: from --out)",
    )
    exp.add_argument("--lang", choices=("tr", "en"), default="tr")
    exp.set_defaults(func=_cmd_export)

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
        reports=not args.no_reports,
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
    _check_output_file(args.out, f"map.{fmt}")  # before any drawing: it ends the command
    layer = "web" if fmt == "html" else "detailed"
    _check_layout(args)
    if getattr(args, "bivariate", None):
        return _bivariate_map(args, fmt)
    breaks, warnings = _parse_breaks(args.breaks, getattr(args, "decimal", "auto"))
    args.scheme = _classification(args, breaks)
    options = read_options.from_namespace(args)
    if args.data is not None:
        _refuse_overwriting_input(args.data, args.out)
        spec = _user_spec(args, options, layer, breaks)
    else:
        _check_without_data(args, options)
        spec = _builtin_spec(args, layer, breaks)
        if breaks and spec.classification is not None:  # as user_spec does for a user's table
            from izmir_maps.spec.classify import high_breaks_warning

            warning = high_breaks_warning(spec.classification.values, breaks)
            warnings += [warning] if warning else []
    for warning in warnings:
        print(f"izmir-maps: warning: {warning}", file=sys.stderr)
    path = _write(spec, args, fmt)
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _bivariate_map(args: argparse.Namespace, fmt: str) -> int:
    """``map X --bivariate Y``: refuse what the bivariate map does not draw, then write it."""
    from izmir_maps.spec.bivariate import bivariate_spec

    why = None
    if args.data is not None or not args.indicator or args.indicator in MARKER_MAPS:
        why = "this map: name two indicators of the shipped data, e.g. `map employees --bivariate exports_usd`"
    elif (
        args.layout != "map" or args.per or args.boundaries or args.scheme or args.k or args.breaks
    ):
        why = "--layout/--per/--boundaries/--scheme/--k/--breaks (the classes are tertiles of each indicator)"
    if why is not None:
        msg = f"--bivariate is for maps of two indicators, not for {why}."
        raise OptionError(msg)
    _check_without_data(args, read_options.from_namespace(args))  # --decimal etc. are for --data
    layer = "web" if fmt == "html" else "detailed"  # print maps draw the detailed boundaries
    spec = bivariate_spec(args.indicator, args.bivariate, lang=args.lang, layer=layer)
    path = _write(spec, args, fmt)
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _check_layout(args: argparse.Namespace) -> None:
    """Refuse ``--layout grid`` where the grid would mislead, naming what works.

    Every format is drawn (HTML, and PNG/SVG/PDF by :mod:`izmir_maps.static._grid`); a
    table of another province's districts is refused where it is read (the grid is İzmir's).
    """
    if args.layout != "grid":
        return
    why = None
    if args.data is None and args.indicator in MARKER_MAPS:
        why = f"the {args.indicator!r} map (its points have real positions)"
    elif args.tiles:
        why = "--tiles (a basemap under abstract hexagons would mislead)"
    if why is not None:
        msg = f"--layout grid is for choropleths of an indicator, not for {why}."
        raise OptionError(msg)


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
        if args.boundaries == "2008":
            msg = (
                f"--boundaries 2008 applies to choropleths of 2008 data, not to the "
                f"{args.indicator!r} map; map e.g. 'employees --per capita' instead."
            )
            raise OptionError(msg)
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
        boundaries=args.boundaries,
        layout=args.layout,
    )


def _write(spec, args: argparse.Namespace, fmt: str) -> Path:
    if fmt == "html":
        from izmir_maps.interactive.render import write_html

        return write_html(spec, args.out, tiles=args.tiles, labels=not args.no_labels)
    if args.tiles:
        msg = "--tiles applies to HTML maps only; static maps are drawn without tiles."
        raise OptionError(msg)
    from izmir_maps.static.render import save_static

    return save_static(
        spec,
        args.out,
        size=args.size,
        labels=not args.no_labels,
        fmt=fmt,
        describe=args.describe,
    )


def _check_without_data(args: argparse.Namespace, options: read_options.ReadOptions) -> None:
    """Refuse reading options without --data rather than ignore them."""
    from izmir_maps.data.provinces import is_izmir

    # --decimal also says how --breaks is written, so it is allowed with --breaks alone.
    also = {"--province", "--decimal"} if args.breaks is not None else {"--province"}
    flags = [flag for flag in read_options.given_flags(args) if flag not in also]
    flags += _year_flags(args)
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
    from izmir_maps.spec.user_spec import user_choropleth_spec, user_years_spec

    year_column, wide = _year_options(args)
    if options.column is None and not wide:
        msg = "--data needs --column: the column of your table to map."
        raise OptionError(msg)
    if args.boundaries == "2008":
        msg = (
            "--boundaries 2008 applies to the built-in 2008 data only: a table of your own is "
            "mapped on the districts it names. Leave --boundaries out."
        )
        raise OptionError(msg)
    if args.per is not None:
        msg = (
            f"--per {args.per} applies to the built-in indicators only: izmir-maps cannot tell "
            "whether a column of your table is a count that may be divided by population or "
            "area. Add a column of normalised values to your table and map that column."
        )
        raise OptionError(msg)
    shown = getattr(args, "year", None)
    # the classification and the look, as for any map of the user's table
    how = {
        "scheme": args.scheme,
        "k": args.k,
        "breaks": breaks,
        "lang": args.lang,
        "layer": layer,
        "title": args.title,
        "layout": args.layout,
    }
    if year_column is not None or wide:
        spec, warnings = user_years_spec(
            args.data, options, year_column=year_column, years=wide, year=shown, **how
        )
    elif shown is not None:
        msg = (
            f"--year {shown} picks the year shown first of a table of several years; say where "
            "its years are with --year-column (one row per district and year) or --years (one "
            "column per year)."
        )
        raise OptionError(msg)
    else:
        spec, warnings = user_choropleth_spec(args.data, options, **how)
    for warning in warnings:
        print(f"izmir-maps: warning: {warning}", file=sys.stderr)
    return spec


def _cmd_validate(args: argparse.Namespace) -> int:
    from izmir_maps.userdata.table import validate_user_file_report
    from izmir_maps.userdata.years import validate_user_years

    options = read_options.from_namespace(args)
    year_column, wide = _year_options(args)
    found = ""
    if year_column is not None or wide:
        report = validate_user_years(args.file, options, year_column=year_column, years=wide)
        if year_column is not None:
            found = f"year column: {report.year_column}; "
        found += f"years: {', '.join(map(str, report.years)) or 'none'}; "
    else:
        report = validate_user_file_report(args.file, options)
    for warning in report.warnings:
        print(f"warning: {warning}")
    if report.problems:
        print(f"{report.name}: {len(report.problems)} problem(s):")
        for i, problem in enumerate(report.problems, 1):
            print(f"  {i}. {problem}")
        return 2
    print(
        f"{report.name}: no problems found (district column: {report.district_column}; "
        f"{found}columns: {', '.join(report.columns)})."
    )
    return 0


# -- tables of several years (map --data, validate) ------------------------------------------------


def _years_parser() -> argparse.ArgumentParser:
    """The parent parser of ``map`` and ``validate`` for tables of several years."""
    parser = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    group = parser.add_argument_group("a table of several years (--data for map: a year slider)")
    group.add_argument(
        "--year-column",
        metavar="NAME",
        help="the column of years (1900–2100) of a table with one row per district and year; "
        "--column is the column of values",
    )
    group.add_argument(
        "--years",
        action="store_true",
        help="one column per year: every column headed with a year ('2021', 'Nüfus 2021'); "
        "with --column, only those of that quantity ('Nüfus')",
    )
    return parser


def _year_flags(args: argparse.Namespace) -> list[str]:
    """The year options given on the command line, as typed."""
    names = (("year_column", "--year-column"), ("years", "--years"), ("year", "--year"))
    return [flag for name, flag in names if hasattr(args, name)]


def _year_options(args: argparse.Namespace) -> tuple[str | None, bool]:
    """``--year-column`` and ``--years``; giving both is refused."""
    year_column = getattr(args, "year_column", None)
    wide = bool(getattr(args, "years", False))
    if year_column is not None and wide:
        msg = (
            "Give --year-column (a table with one row per district and year) or --years (one "
            "column per year), not both."
        )
        raise OptionError(msg)
    if year_column is not None and not year_column.strip():
        raise OptionError("--year-column is empty; give the name of the column of years.")
    return year_column, wide


def _cmd_compare(args: argparse.Namespace) -> int:
    from izmir_maps.data.join import district_table
    from izmir_maps.pages.compare import render_comparison, resolve_districts
    from izmir_maps.write import write_text

    _check_output_file(args.out, "compare.html")
    pcodes = resolve_districts(args.districts)
    html = render_comparison(district_table("web"), pcodes, lang=args.lang, profiles=None)
    path = write_text(args.out, html)
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    fmt = _report_format(args)
    from izmir_maps.data.boundaries import district_matcher
    from izmir_maps.data.join import district_table
    from izmir_maps.reports.content import district_report
    from izmir_maps.write import write_bytes, write_text

    matcher = district_matcher()
    if args.all:
        pcodes = list(district_table("web")["pcode"])
    else:  # every name checked before any report is made
        pcodes = list(dict.fromkeys(matcher.pcode(n, where="district") for n in args.districts))
    _check_output_file(args.out, "aliaga.pdf")
    reports = []
    for i, pcode in enumerate(pcodes, 1):
        if not args.quiet and len(pcodes) > 1 and (i % 10 == 0 or i == len(pcodes)):
            print(f"      {i}/{len(pcodes)} reports", file=sys.stderr, flush=True)
        reports.append(district_report(pcode, args.lang))
    if fmt == "html":
        from izmir_maps.reports.html import report_html

        path = write_text(args.out, report_html(reports[0]))
    else:
        from izmir_maps.reports.pdf import report_pdf

        path = write_bytes(args.out, report_pdf(reports))
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _report_format(args: argparse.Namespace) -> str:
    """``pdf`` or ``html`` from ``--out``'s suffix; a wrong suffix or count ends here."""
    fmt = args.out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "html"):
        msg = (
            f"Cannot tell the format of {str(args.out)!r}; give --out the suffix .pdf (an A4 "
            "PDF) or .html (a page), for example --out aliaga.pdf."
        )
        raise OptionError(msg)
    if args.all and args.districts:
        msg = "Give district names or --all, not both."
        raise OptionError(msg)
    if not args.all and not args.districts:
        msg = "Name a district (any spelling, e.g. aliaga or ÇİĞLİ, or a P-code), or give --all."
        raise OptionError(msg)
    if fmt == "html" and (args.all or len(args.districts) > 1):
        msg = (
            f"An HTML report holds one district; --out {args.out} would need several. Write "
            "several districts to one PDF (--out raporlar.pdf), or one district per .html file."
        )
        raise OptionError(msg)
    return fmt


def _cmd_export(args: argparse.Namespace) -> int:
    from izmir_maps.export import export_format, export_paths, write_export

    fmt = export_format(args.out, args.format)
    for path in set(export_paths(args.out, fmt).values()):
        _refuse_writing_into_inputs(path, f"izmir.{fmt}")
    for path in write_export(args.out, fmt, lang=args.lang):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _check_output_file(out: Path, example: str) -> None:
    """Refuse an ``--out`` file among izmir-maps's own inputs, or one that is a folder.

    ``example`` is a file name that fits the command (``map.html``).
    """
    _refuse_writing_into_inputs(out, example)
    if out.is_dir():  # else the write fails late, after the drawing
        msg = f"--out {out} is a folder; name a file, for example --out {out / example}."
        raise OptionError(msg)


def _refuse_writing_into_inputs(out: Path, example: str) -> None:
    """Refuse an ``--out`` among izmir-maps's own data or code: no command replaces them."""
    from izmir_maps.data.paths import own_inputs
    from izmir_maps.write import input_replaced_by, inside_inputs

    source = input_replaced_by(out, own_inputs())
    if source is not None:
        raise inside_inputs(out, source, example)


# -- --breaks ------------------------------------------------------------------------------------

_BREAKS_EXAMPLE = "--breaks '1.000;10.000' or --breaks '0,5 1,5 2,5'"
# A comma followed by spaces is one separator: "1000, 10000".
_SPACES = re.compile(r",?\s+")
_STYLE = {
    ",": "Turkish format (decimal comma: 0,5; 1.000)",
    ".": "international format (decimal point: 0.5; 1,000)",
}


def _parse_breaks(text: str | None, decimal: str = "auto") -> tuple[list[float] | None, list[str]]:
    """Read ``--breaks`` the way the numbers of a user's table are read.

    The breaks are separated by ``;``, by spaces, or (when the text has
    neither) by commas; a comma list that also reads as one number (``1,5``)
    is refused as ambiguous. The decimal mark is ``decimal`` when it is ``,``
    or ``.``; with ``"auto"`` it is decided once for the list, as for a column
    (README, "How numbers are read"): Turkish unless a break can only be
    international.

    Returns
    -------
    tuple
        The breaks (``None`` when ``text`` is ``None``) and the warnings to show.

    Raises
    ------
    OptionError
        For an empty or ambiguous list, a text that is not a number, a list
        that mixes the two formats, and ``nan``, ``inf`` or a too large number.

    Examples
    --------
    >>> _parse_breaks("1.000;10.000;100.000")[0]
    [1000.0, 10000.0, 100000.0]
    >>> _parse_breaks("0.5 1.5")
    ([0.5, 1.5], [])
    >>> _parse_breaks("1000,10000,100000")[0]
    [1000.0, 10000.0, 100000.0]
    """
    if text is None:
        return None, []
    parts = _split_breaks(text, decimal)
    readings = [(part, _reading(part, ","), _reading(part, ".")) for part in parts]
    given = decimal in (",", ".")
    decided = decimal if given else _decide_mark(text, readings)
    mark = decided or ","  # nothing decides: Turkish, as for a column of a table
    chosen = f" chosen with --decimal {decimal}" if given else ""
    values = [
        _break_value(text, part, tr if mark == "," else en, _STYLE[mark] + chosen)
        for part, tr, en in readings
    ]
    warnings = []
    unclear = [(part, tr) for part, tr, en in readings if None not in (tr, en) and tr != en]
    if decided is None and unclear:
        part, value = unclear[0]
        warnings.append(
            f"--breaks {text!r}: {part} was read the Turkish way, as {_plain(value)} ('.' "
            "separates thousands, ',' marks decimals), because nothing in the list shows which "
            "mark is the decimal one. If '.' is the decimal mark, add --decimal ."
        )
    return values, warnings


def _split_breaks(text: str, decimal: str) -> list[str]:
    stripped = text.strip()
    if ";" in stripped:
        parts = stripped.split(";")
    elif _SPACES.search(stripped):
        parts = _SPACES.split(stripped)
    else:
        parts = stripped.split(",")
        marks = (decimal,) if decimal in (",", ".") else (",", ".")
        if len(parts) > 1 and any(_reading(stripped, mark) is not None for mark in marks):
            msg = (
                f"--breaks {text!r} is ambiguous: ',' may separate breaks "
                f"({' and '.join(parts)}) or be part of one number. Separate the breaks with "
                f"';' or spaces, for example --breaks {';'.join(parts)!r}."
            )
            raise OptionError(msg)
    parts = [part.strip() for part in parts if part.strip()]
    if not parts:
        msg = (
            "--breaks is empty; give the upper bounds of the classes, for example "
            f"{_BREAKS_EXAMPLE}."
        )
        raise OptionError(msg)
    return parts


def _reading(part: str, mark: str) -> float | None:
    """``part`` read with decimal ``mark``, or ``None`` if it is not a number written that way."""
    if re.match(r"[-+\u2212]?0\d*" + re.escape("." if mark == "," else ","), part):
        return None  # a thousands group never starts with 0: 0.500 is a half
    try:
        value = parse_number(part, decimal=mark)  # type: ignore[arg-type]
    except ValueError:
        return None
    return None if math.isnan(value) else value


def _decide_mark(text: str, readings: list[tuple[str, float | None, float | None]]) -> str | None:
    """``.`` or ``,`` if a break can only be read one way; ``None`` if none decides."""
    turkish = [part for part, tr, en in readings if tr is not None and en is None]
    english = [part for part, tr, en in readings if en is not None and tr is None]
    if turkish and english:
        msg = (
            f"--breaks {text!r} mixes Turkish numbers ({', '.join(turkish)}: decimal comma) and "
            f"international numbers ({', '.join(english)}: decimal point). Write every break the "
            "same way, or choose the format with --decimal , or --decimal ."
        )
        raise OptionError(msg)
    if english:
        return "."
    return "," if turkish else None


def _break_value(text: str, part: str, value: float | None, style: str) -> float:
    if part.strip("+-").lower() in ("nan", "inf", "infinity"):
        msg = (
            f"--breaks {text!r}: {part!r} is not a class bound; give finite numbers separated by "
            f"';' or spaces, for example {_BREAKS_EXAMPLE}."
        )
        raise OptionError(msg)
    if value is None:
        msg = (
            f"--breaks {text!r}: {part!r} is not a number in the {style}. Give "
            f"finite numbers separated by ';' or spaces, for example {_BREAKS_EXAMPLE}."
        )
        raise OptionError(msg)
    if not math.isfinite(value):
        msg = (
            f"--breaks: {_cut(part)!r} is too large to be a class bound; give numbers below 10^308."
        )
        raise OptionError(msg)
    return value


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: float) -> str:
    """``1000`` for 1000.0, ``0.5`` for 0.5: never ``1e+06``."""
    if value == int(value):
        return str(int(value))
    return f"{value:f}".rstrip("0").rstrip(".")


def _classification(args: argparse.Namespace, breaks: list[float] | None) -> str | None:
    """The scheme to use: ``--breaks`` implies ``user``; ignored options are refused."""
    if args.indicator in MARKER_MAPS and args.data is None:
        options = (("--scheme", args.scheme), ("--k", args.k), ("--breaks", breaks))
        given = [flag for flag, value in options if value is not None]
        if given:
            verb = "classifies" if len(given) == 1 else "classify"
            msg = (
                f"{', '.join(given)} {verb} the values of a choropleth map; {args.indicator!r} "
                "is a map of markers and symbols. Leave the option out, or map an indicator."
            )
            raise OptionError(msg)
    if breaks is None:
        if args.scheme == "user":
            msg = (
                "--scheme user needs --breaks: the upper bounds of the classes, for example "
                f"{_BREAKS_EXAMPLE}."
            )
            raise OptionError(msg)
        return args.scheme
    if args.scheme not in (None, "user"):
        msg = (
            f"--breaks sets the classes itself (--scheme user), so it cannot be used with "
            f"--scheme {args.scheme}. Leave out --scheme, or --breaks."
        )
        raise OptionError(msg)
    if args.k is not None:
        msg = (
            f"--k {args.k} cannot be used with --breaks: the breaks set the classes. Leave out "
            "--k, or --breaks."
        )
        raise OptionError(msg)
    return "user"


def _cmd_indicators(args: argparse.Namespace) -> int:
    from izmir_maps.data.registry import indicator, indicator_ids

    for ind_id in indicator_ids():
        ind = indicator(ind_id)
        print(f"{ind.id:45s} {ind.title(args.lang)} — {ind.source_short_text(args.lang)}")
    print(f"{'osb':45s} OSB / organised industrial zones (marker map)")
    print(f"{'wind':45s} Rüzgâr kurulu gücü / wind capacity (proportional symbols)")
    print(f"{'combined':45s} Çalışan + OSB + rüzgâr / employees + OSBs + wind (layers)")
    return 0
