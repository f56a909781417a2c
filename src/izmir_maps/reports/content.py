"""What a district summary report says: its sections, sentences, tables and sources.

:func:`district_report` builds a :class:`~izmir_maps.reports.model.Report` for
any of İzmir's 30 districts after the source report's own format (İZKA,
*2010–2013 İzmir Bölge Planı İlçe Toplantıları, Aliağa Özet Raporu*, Aralık
2010): population, employment, firms, exports, İZKA support, organised
industrial and free zones, wind, then Table 1 with the district's row
highlighted. Aliağa's report also carries what only its source report has:
the profile figures, the leading sectors, the SWOT table and the plan's axes.

Every figure comes from ``data/`` through the loaders and the district table;
every sentence from :mod:`izmir_maps.reports.sentences`; every source is a
numbered footnote, cited by the sentences and tables that rest on it. Maps and
charts come from :mod:`izmir_maps.reports.figures` when that module is present.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import replace

import pandas as pd

from izmir_maps._checks import check_bool, check_lang, check_type
from izmir_maps.data.boundaries import district_matcher
from izmir_maps.data.indicators import izmir_success_rate, izmir_totals
from izmir_maps.data.join import district_table
from izmir_maps.data.registry import POPULATION_YEAR, indicator
from izmir_maps.data.tables import (
    PROGRAMME_IDS,
    load_aliaga_profile,
    load_aliaga_sectors,
    load_izka_support,
    load_osbs,
    load_plan_axes,
    load_swot,
    load_table1,
    load_wind_capacity,
    load_wind_proposed,
    localised,
)
from izmir_maps.pages.profiles import ALIAGA, fact_value, plan_axes, sector_topics
from izmir_maps.reports import sentences as say
from izmir_maps.reports.model import (
    Block,
    Bullets,
    Column,
    Figure,
    Paragraph,
    Report,
    Section,
    Sentence,
    Source,
    Table,
)
from izmir_maps.spec.boundary import caveats_of_2008_data
from izmir_maps.spec.describe import ranked_groups
from izmir_maps.text.names import slugify, turkish_sort_key
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import has_text, text

__all__ = ["ALIAGA_SECTIONS", "SECTIONS", "district_report"]

#: Section keys of every report, in order.
SECTIONS = ("population", "employment", "firms", "exports", "izka", "osb", "wind", "table1")
#: The sections only Aliağa's report has (its source report's own content).
ALIAGA_SECTIONS = ("profile", "sectors", "swot", "axes")
#: The year of Table 1's employees and firms (SGK 2008).
_TABLE1_YEAR = 2008
_ZONE_KINDS = ("osb", "agricultural_osb", "free_zone", "private_industrial_zone")
#: Programmes whose successes had ended (*) or were running (**) at the report's date.
_PROGRAMME_MARK = {"kobi_2008": "*", "sosyal_2008": "*"}


class _Notes:
    """The report's footnotes, numbered in the order they are first cited."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def cite(self, *sources: str) -> tuple[int, ...]:
        """The numbers of ``sources``, giving new ones the next numbers."""
        out = []
        for source in sources:
            if source not in self._numbers:
                self._numbers[source] = len(self._numbers) + 1
            out.append(self._numbers[source])
        return tuple(dict.fromkeys(out))

    def sources(self) -> tuple[Source, ...]:
        return tuple(Source(n, s) for s, n in self._numbers.items())


class _Context:
    """What every section builder needs: the district, its row, the table, words, notes."""

    def __init__(self, pcode: str, lang: Lang, *, figures: bool) -> None:
        self.pcode = pcode
        self.lang = lang
        self.figures = figures
        self.table = district_table("web")
        self.row = self.table.set_index("pcode").loc[pcode]
        self.name = str(self.row["district"])
        self.notes = _Notes()
        self.boundary_line = caveats_of_2008_data(lang).line(pcode)
        self.figure_count = 0

    def source(self, ind_id: str) -> str:
        return indicator(ind_id).source_text(self.lang)

    def say(self, sentence: str, *sources: str) -> Sentence:
        return Sentence(sentence, self.notes.cite(*sources))


def district_report(district: str, lang: Lang = "tr", *, figures: bool = True) -> Report:
    """The summary report of one district, ready to render.

    Parameters
    ----------
    district
        A district name in any case, with or without Turkish letters
        (``"ÇİĞLİ"``, ``"cigli"``), or its P-code (``"TUR035010"``).
    lang
        ``"tr"`` (default) or ``"en"``: every word and number format.
    figures
        Draw the maps and the chart (:mod:`izmir_maps.reports.figures`, when
        present); ``False`` leaves them out, e.g. for a quick text check.

    Returns
    -------
    Report
        Sections :data:`SECTIONS` (Aliağa's also :data:`ALIAGA_SECTIONS`),
        footnoted sources, a disclaimer saying it is not an İZKA publication.

    Raises
    ------
    UnknownDistrictError
        For a name that is not one of İzmir's 30 districts, with the closest names.
    OptionError
        For a ``district`` that is not a text, a ``lang`` other than ``"tr"`` or ``"en"``,
        or a ``figures`` other than ``True`` or ``False``.

    Examples
    --------
    >>> report = district_report("aliaga", figures=False)
    >>> report.title, [s.key for s in report.sections][:3]
    ('Aliağa — ilçe özet raporu', ['population', 'profile', 'employment'])
    """
    check_type("district", district, str, "a district name or P-code (str)")
    check_lang(lang)
    check_bool("figures", figures)
    pcode = district_matcher().pcode(district, where="district")
    ctx = _Context(pcode, lang, figures=figures)
    aliaga = pcode == ALIAGA
    sections = [_population(ctx)]
    if aliaga:
        sections.append(_profile(ctx))
    sections += [_employment(ctx), _firms(ctx), _exports(ctx)]
    if aliaga:
        sections.append(_sectors(ctx))
    sections += [_izka(ctx), _osb(ctx), _wind(ctx), _table1(ctx)]
    if aliaga:
        sections += [_swot(ctx), _plan_axes(ctx)]
    return Report(
        lang=lang,
        district=ctx.name,
        slug=slugify(ctx.name),
        pcode=pcode,
        title=text("report_title", lang, name=ctx.name),
        subtitle=text("report_subtitle", lang),
        disclaimer=text("report_disclaimer", lang),
        sections=tuple(sections),
        sources=ctx.notes.sources(),
        keywords=(ctx.name, "İzmir", "İZKA", "izmir-maps"),
    )


# --- helpers ------------------------------------------------------------------------------------


def _section(ctx: _Context, key: str, blocks: Iterable[Block | None]) -> Section:
    return Section(key, text(f"report_h_{key}", ctx.lang), tuple(b for b in blocks if b))


def _place(ctx: _Context, ind_id: str) -> tuple[int, int, list[str]] | None:
    """The district's rank on ``ind_id``, how many are ranked, and who ties with it."""
    ind = indicator(ind_id)
    values = [float(v) if ind.ranks(v) else float("nan") for v in ctx.table[ind_id]]
    groups = ranked_groups(list(ctx.table["district"]), values)
    rank = 1
    total = sum(len(names) for _, names in groups)
    for _, names in groups:
        if ctx.name in names:
            return rank, total, [n for n in names if n != ctx.name]
        rank += len(names)
    return None


def _rank(ctx: _Context, ind_id: str, *, by: str = "share") -> Sentence | None:
    place = _place(ctx, ind_id)
    if place is None:
        return None
    rank, total, tied = place
    line = say.rank_sentence(ctx.name, ind_id, rank, total, ctx.lang, tied_with=tied, by=by)
    return ctx.say(line, ctx.source(ind_id))


def _boundary(ctx: _Context) -> Sentence | None:
    """The 2008 boundary caveat, for the new districts and their parents."""
    if not ctx.boundary_line:
        return None
    line = say.boundary_sentence(ctx.name, ctx.boundary_line, ctx.lang)
    return ctx.say(line, text("report_boundary_source", ctx.lang))


def _value(ctx: _Context, column: str) -> float | None:
    value = ctx.row.get(column)
    return None if value is None or pd.isna(value) else float(value)


def _figure(ctx: _Context, function: str, *args: object) -> Figure | None:
    """A figure from :mod:`izmir_maps.reports.figures`, if that module and function exist."""
    if not ctx.figures or importlib.util.find_spec("izmir_maps.reports.figures") is None:
        return None
    module = importlib.import_module("izmir_maps.reports.figures")
    draw = getattr(module, function, None)
    if draw is None:
        return None
    figure = draw(*args, ctx.pcode, ctx.lang)
    ctx.figure_count += 1  # numbered in reading order, as the source's "Şekil 1: …"
    number = text("report_figure", ctx.lang, n=ctx.figure_count)
    return replace(figure, caption=f"{number}: {figure.caption}")


def _bullets(items: Iterable[Sentence | None]) -> Bullets:
    return Bullets(tuple(i for i in items if i is not None))


# --- sections -----------------------------------------------------------------------------------


def _population(ctx: _Context) -> Section:
    lang, src = ctx.lang, ctx.source("population")
    population = _value(ctx, "population") or 0.0
    share = _value(ctx, "population_share") or 0.0
    items = [
        ctx.say(say.population_sentence(ctx.name, population, POPULATION_YEAR, lang), src),
        ctx.say(say.share_sentence("population", share, lang), src),
        _rank(ctx, "population"),
        ctx.say(say.population_year_sentence(POPULATION_YEAR, lang)),
        _boundary(ctx),
    ]
    return _section(ctx, "population", [_figure(ctx, "locator_figure"), _bullets(items)])


def _employment(ctx: _Context) -> Section:
    lang, src = ctx.lang, ctx.source("employees")
    stated = load_table1().set_index("pcode").loc[ctx.pcode]
    items = [
        ctx.say(say.employment_sentence(ctx.name, stated["employees"], _TABLE1_YEAR, lang), src),
        ctx.say(say.share_sentence("employees", stated["employees_share_pct"], lang), src),
        _rank(ctx, "employees"),
        _boundary(ctx),
    ]
    figure = _figure(ctx, "choropleth_figure", "employees")
    return _section(ctx, "employment", [_bullets(items), figure])


def _firms(ctx: _Context) -> Section:
    lang, src = ctx.lang, ctx.source("firms")
    stated = load_table1().set_index("pcode").loc[ctx.pcode]
    items = [
        ctx.say(say.firms_sentence(ctx.name, stated["firms"], _TABLE1_YEAR, lang), src),
        ctx.say(say.share_sentence("firms", stated["firms_share_pct"], lang), src),
        _rank(ctx, "firms"),
        _boundary(ctx),
    ]
    return _section(ctx, "firms", [_bullets(items)])


def _exports(ctx: _Context) -> Section:
    lang, src = ctx.lang, ctx.source("exports_usd")
    stated = load_table1().set_index("pcode").loc[ctx.pcode]
    share = float(stated["exports_share_pct"])
    if share == 0:  # printed as 0,00 %: the share of the count is the better figure
        share = _value(ctx, "exports_usd_share") or 0.0
    items = [
        ctx.say(say.exports_sentence(ctx.name, stated["exports_usd"], lang), src),
        ctx.say(say.exports_share_sentence(ctx.name, share, lang), src),
        _rank(ctx, "exports_usd"),
        ctx.say(text("caveat_exports_year_note", lang), src),
        _boundary(ctx),
    ]
    figure = _figure(ctx, "choropleth_figure", "exports_usd")
    return _section(ctx, "exports", [_bullets(items), figure])


def _izka(ctx: _Context) -> Section:
    lang, src = ctx.lang, ctx.source("izka_applications")
    applications = int(_value(ctx, "izka_applications") or 0)
    successful = int(_value(ctx, "izka_successful") or 0)
    items = [
        ctx.say(say.izka_sentence(ctx.name, applications, successful, lang), src),
        _rank(ctx, "izka_applications", by="count"),
    ]
    rate = _value(ctx, "izka_success_rate")
    if rate is not None:
        line = say.izka_rate_sentence(ctx.name, rate, izmir_success_rate(), lang)
        items.append(ctx.say(line, src))
    # the source's * and ** notes under Table 3, one paragraph each
    notes = [
        Paragraph((ctx.say(text(key, lang), src),))
        for key in ("report_table3_note_2008", "report_table3_note_2009")
    ]
    figure = _figure(ctx, "izka_figure")
    return _section(ctx, "izka", [_bullets(items), _table3(ctx, src), *notes, figure])


def _table3(ctx: _Context, src: str) -> Table:
    """The district's row of Table 3, one line per programme, beside İzmir's totals."""
    lang = ctx.lang
    support = load_izka_support()
    mine = support[support["pcode"] == ctx.pcode].set_index("programme_id")
    totals = izmir_totals()
    rows = []
    for pid in (*PROGRAMME_IDS, "all"):
        key = "izka" if pid == "all" else f"izka_{pid}"
        label = (
            text("report_all_programmes", lang)
            if pid == "all"
            else f"{mine.loc[pid, f'programme_{lang}']}{_PROGRAMME_MARK.get(pid, '**')}"
        )
        rows.append(
            (
                label,
                format_number(mine.loc[pid, "applications"], lang),
                format_number(mine.loc[pid, "successful"], lang),
                format_number(totals[f"{key}_applications"], lang),
                format_number(totals[f"{key}_successful"], lang),
            )
        )
    columns = (
        Column(text("report_programme", lang)),
        Column(text("report_applications_of", lang, name=ctx.name), "right"),
        Column(text("report_successful_of", lang, name=ctx.name), "right"),
        Column(text("report_izmir_applications", lang), "right"),
        Column(text("report_izmir_successful", lang), "right"),
    )
    caption = text(
        "report_table3_caption", lang, name=ctx.name, name_abl=say.cased(ctx.name, "ablative", lang)
    )
    return Table(
        caption, columns, tuple(rows), highlight=(len(rows) - 1,), total=True,
        notes=ctx.notes.cite(src),
    )  # fmt: skip


def _osb(ctx: _Context) -> Section:
    lang = ctx.lang
    src = ctx.source("osb_count")
    zones = localised(load_osbs(), lang)
    mine = zones[(zones["pcode"] == ctx.pcode) & zones["kind"].isin(_ZONE_KINDS)]
    mine = mine.assign(order=mine["kind"].map(_ZONE_KINDS.index)).sort_values(
        "order", kind="stable"
    )
    named = [(str(r["kind"]), _zone_name(r)) for _, r in mine.iterrows()]
    sentence = ctx.say(say.osb_sentence(ctx.name, named, _ZONE_KINDS, lang), src)
    blocks: list[Block] = [_bullets([sentence])]
    if not mine.empty:
        blocks.append(_zone_table(ctx, mine, src))
    return _section(ctx, "osb", blocks)


def _zone_name(zone: pd.Series) -> str:
    short = zone.get("short_name")
    return f"{zone['name']} ({short})" if isinstance(short, str) and short else str(zone["name"])


def _zone_table(ctx: _Context, zones: pd.DataFrame, src: str) -> Table:
    lang = ctx.lang
    rows = []
    for _, z in zones.iterrows():
        kind = "OSB" if z["kind"] == "osb" else text(z["kind"], lang)
        founded = "–" if pd.isna(z["founded_year"]) else str(int(z["founded_year"]))
        area = "–" if pd.isna(z["area_ha"]) else f"{format_number(z['area_ha'], lang, 1)} ha"
        status = z["status_now"]
        shown = text(status, lang) if isinstance(status, str) and has_text(status) else "–"
        rows.append((_zone_name(z), kind, founded, area, shown))
    keys = ("profile_name", "profile_kind", "profile_founded", "area", "status_now")
    aligns = ("left", "left", "right", "right", "left")
    columns = tuple(Column(text(k, lang), a) for k, a in zip(keys, aligns, strict=True))  # type: ignore[arg-type]
    caption = text(
        "report_osb_caption", lang, name=ctx.name, name_loc=say.cased(ctx.name, "locative", lang)
    )
    return Table(caption, columns, tuple(rows), notes=ctx.notes.cite(src))


def _mw(value: float, lang: Lang) -> str:
    """Megawatts as the source writes them: "255 MW", "147,5 MW"."""
    decimals = 0 if float(value).is_integer() else 1
    return indicator("wind_capacity_mw").format(value, lang, unit=True, decimals=decimals)


def _wind(ctx: _Context) -> Section:
    lang, src = ctx.lang, ctx.source("wind_capacity_mw")
    wind = indicator("wind_capacity_mw")
    year = wind.year_label(lang)
    capacity = load_wind_capacity().set_index("area")["capacity_mw"]
    total = float(capacity["İzmir"])
    mine = _value(ctx, "wind_capacity_mw")
    if mine is not None:
        line = say.wind_sentence(
            ctx.name, year, _mw(total, lang), _mw(mine, lang), mine / total * 100, lang
        )
    else:
        given = ctx.table.dropna(subset=["wind_capacity_mw"])
        line = say.wind_elsewhere_sentence(
            ctx.name,
            year,
            _mw(total, lang),
            _mw(float(given["wind_capacity_mw"].sum()), lang),
            sorted(given["district"].astype(str), key=turkish_sort_key),
            _mw(float(capacity["İzmir (district not stated)"]), lang),
            lang,
        )
    proposed = sorted(load_wind_proposed()["district"].astype(str), key=turkish_sort_key)
    items = [
        ctx.say(line, src),
        ctx.say(say.wind_proposed_sentence(ctx.name, proposed, lang), src),
    ]
    return _section(ctx, "wind", [_bullets(items)])


def _table1(ctx: _Context) -> Section:
    """Table 1 of the source report: all 30 districts, this one highlighted, and the total."""
    lang = ctx.lang
    t1 = load_table1()
    t1 = t1.iloc[
        sorted(range(len(t1)), key=lambda i: turkish_sort_key(str(t1["district"].iloc[i])))
    ]
    flagged = set((caveats_of_2008_data(lang).lines or {}).keys())
    rows = []
    highlight: tuple[int, ...] = ()
    for i, (_, r) in enumerate(t1.iterrows()):
        if r["pcode"] == ctx.pcode:
            highlight = (i,)
        mark = " †" if r["pcode"] in flagged else ""
        shares = (r["employees_share_pct"], r["firms_share_pct"], r["exports_share_pct"])
        counts = (r["employees"], r["firms"], r["exports_usd"])
        rows.append(_table1_row(f"{r['district']}{mark}", counts, shares, lang))
    totals = izmir_totals()
    counts = (totals["employees"], totals["firms"], totals["exports_usd"])
    rows.append(_table1_row(text("report_total", lang), counts, (100.0,) * 3, lang))
    share = Column(text("report_col_share", lang), "right")
    columns = (
        Column(text("report_col_district", lang)),
        Column(text("report_col_employees", lang), "right"),
        share,
        Column(text("report_col_firms", lang), "right"),
        share,
        Column(text("report_col_exports", lang), "right"),
        share,
    )
    notes = ctx.notes.cite(ctx.source("employees"), ctx.source("exports_usd"))
    table = Table(
        text("report_table1_caption", lang),
        columns,
        tuple(rows),
        highlight=highlight,
        total=True,
        notes=notes,
    )
    boundary = text("report_boundary_source", lang)
    note = Paragraph((ctx.say(text("boundary_ranking_note", lang), boundary),))
    return _section(ctx, "table1", [table, note])


def _table1_row(
    name: str, counts: Sequence[float], shares: Sequence[float], lang: Lang
) -> tuple[str, ...]:
    cells = [name]
    for count, share in zip(counts, shares, strict=True):
        cells += [format_number(count, lang), format_percent(share, lang)]
    return tuple(cells)


# --- what only Aliağa's source report has -------------------------------------------------------


def _profile(ctx: _Context) -> Section:
    """The figures of the report's prose (population 2009, growth, age, development rank …)."""
    lang = ctx.lang
    facts = localised(load_aliaga_profile(), lang)
    rows = tuple(
        (
            str(f["label"]),
            str(f["reference_area"]),
            f["value_text"] or fact_value(f["value"], f["unit"], lang),
            str(f["year"]).removesuffix(".0"),
        )
        for _, f in facts.iterrows()
    )
    keys = ("page_indicator", "profile_reference_area", "value", "page_year")
    aligns = ("left", "left", "right", "left")
    columns = tuple(Column(text(k, lang), a) for k, a in zip(keys, aligns, strict=True))  # type: ignore[arg-type]
    caption = text(
        "report_profile_caption",
        lang,
        name=ctx.name,
        name_gen=say.cased(ctx.name, "genitive", lang),
    )
    table = Table(caption, columns, rows, notes=ctx.notes.cite(*dict.fromkeys(facts["source"])))
    noted = facts[facts["note"].str.len() > 0]
    # several figures share one note (the three growth rates): say it once, naming them all
    labels: dict[tuple[str, str], list[str]] = {}
    for _, f in noted.iterrows():
        labels.setdefault((str(f["note"]), str(f["source"])), [])
        if f["label"] not in labels[(str(f["note"]), str(f["source"]))]:
            labels[(str(f["note"]), str(f["source"]))].append(str(f["label"]))
    items = [
        ctx.say(text("report_profile_note", lang, label="; ".join(names), note=note), src)
        for (note, src), names in labels.items()
    ]
    return _section(ctx, "profile", [table, _bullets(items)])


def _sectors(ctx: _Context) -> Section:
    """The leading sectors of employment, firms and exports, as the report lists them."""
    lang = ctx.lang
    sources = load_aliaga_sectors().groupby("topic", sort=False)["source"].first()
    items = []
    for src, entry in zip(sources, sector_topics(lang), strict=True):
        # "ana metal sanayi: %26,30" reads as "ana metal sanayi (%26,30)" inside a list
        shown = [_bracketed(str(e)) for e in entry["entries"]]  # type: ignore[union-attr]
        joined = (" > " if entry["tag"] == "ol" else ", ").join(shown)
        line = text("report_sector_item", lang, title=entry["title"], items=joined)
        items.append(ctx.say(line, src))
    return _section(ctx, "sectors", [_bullets(items)])


def _bracketed(entry: str) -> str:
    """An entry with its value in brackets: "ana metal sanayi (%26,30)"; others unchanged."""
    name, sep, value = entry.rpartition(": ")
    return f"{name} ({value})" if sep else entry


def _swot(ctx: _Context) -> Section:
    """Table 2: the SWOT statements by area and sector, one column per quadrant."""
    lang = ctx.lang
    swot = load_swot()
    quadrants = ("strength", "weakness", "opportunity", "threat")
    swot["group"] = swot["area"] + swot["sector"].map(lambda s: f" – {s}" if s else "")
    rows = []
    for group, part in swot.groupby("group", sort=False):
        cells = [str(group)]
        for q in quadrants:
            texts = part[part["quadrant"] == q].sort_values("order", key=lambda s: s.astype(int))
            cells.append(" • ".join(texts["text"]))
        rows.append(tuple(cells))
    columns = (
        Column(text("area", lang)),
        *(Column(text(f"profile_swot_{q}", lang)) for q in quadrants),
    )
    caption = text("report_swot_caption", lang, name=ctx.name)
    table = Table(
        caption, columns, tuple(rows), notes=ctx.notes.cite(*dict.fromkeys(swot["source"]))
    )
    blocks: list[Block] = [table]
    if lang != "tr":
        blocks.insert(0, Paragraph((Sentence(text("report_swot_untranslated", lang)),)))
    return _section(ctx, "swot", blocks)


def _plan_axes(ctx: _Context) -> Section:
    """The plan's development axes, strategic priorities and targets, quoted in Turkish."""
    lang = ctx.lang
    rows = []
    for axis in plan_axes():
        for priority, targets in axis["priorities"]:  # type: ignore[attr-defined]
            rows.append((str(axis["name"]), str(priority), " ".join(targets)))
    columns = tuple(
        Column(text(k, lang))
        for k in ("report_col_axis", "report_col_priority", "report_col_targets")
    )
    source = load_plan_axes()["source"].iloc[0]
    table = Table(
        text("report_axes_caption", lang), columns, tuple(rows), notes=ctx.notes.cite(source)
    )
    return _section(ctx, "axes", [table])
