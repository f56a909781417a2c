"""The one list of mappable indicators: labels, units, sources, formats, defaults.

Every map, legend, tooltip, page and CLI listing reads from here. Base
indicators are declared once; their share, rank, per-1,000-residents and
per-km² variants are derived by :func:`indicator`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import pandas as pd

from izmir_maps.errors import UnknownIndicatorError
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import text

__all__ = [
    "POPULATION_YEAR",
    "Indicator",
    "base_indicators",
    "indicator",
    "indicator_ids",
]

Format = Literal["int", "float1", "float2", "percent", "rank", "usd", "mw"]
Variant = Literal["share", "rank", "per_1000", "per_km2"]

POPULATION_YEAR = 2021


def _both(key: str, **values: object) -> tuple[str, str]:
    """The catalogue word ``key`` in Turkish and English, as an indicator declares its words."""
    return text(key, "tr", **values), text(key, "en", **values)


def _unit(name: str) -> tuple[str, str]:
    """A unit shared by several indicators, from the catalogue: (Turkish, English)."""
    return _both(f"unit_{name}")


# Sources are declared in Turkish ("aktaran:", "Tablo 1"); :func:`_with_english` gives
# every indicator the English forms ("via", "Table 1") of the catalogue texts below.
_SRC_T1 = text("src_table1")
_SRC_T3 = text("src_table3")
_SRC_POP = text("src_population")
_SRC_WIND = text("src_wind")
_SRC_OSB = text("src_osb")
_YEAR_CURRENT = text("year_current")
#: Catalogue keys of the Turkish source and year texts used in the declarations.
_SOURCE_KEYS = (
    "src_table1",
    "src_table3",
    "src_population",
    "src_wind",
    "src_osb",
    "src_short_table1",
    "src_short_table3",
    "src_short_osb",
    "year_current",
    "caveat_exports_year_note",
    "caveat_exports_year",
)
#: The year of the exports of Table 1: the report does not state it (2008 is assumed).
_EXPORTS_YEAR = text("caveat_exports_year")
_SRC_GEO = "OCHA COD-AB Türkiye ADM2 (CC BY-IGO)"


#: Decimals each number format writes by default.
_FMT_DECIMALS = {"int": 0, "rank": 0, "usd": 0, "float1": 1, "float2": 2, "mw": 1, "percent": 2}


@dataclass(frozen=True)
class Indicator:
    """A mappable district indicator.

    Attributes
    ----------
    id
        Column name in the district table (snake_case, stable).
    label_tr, label_en
        Title in Turkish and English.
    unit_tr, unit_en
        Unit, shown in legends and tooltips ("" for none).
    source
        Full source, for pages and sidecars.
    source_short
        Source line for map legends ("İZKA, SGK 2008").
    year
        Year (or period) the values describe.
    fmt
        Number format, see :meth:`format`.
    per_capita, per_km2, share, rank
        Whether that variant makes sense for this indicator.
    scheme, k, palette
        Default classification and ColorBrewer palette.
    midpoint
        For diverging palettes, the meaningful centre: a number, or
        ``"izmir"`` for the İzmir-wide value (e.g. 253 / 1,008 successful
        applications); ``None`` means a sequential palette.
    base
        Id of the base indicator for a derived variant.
    variant
        Which variant this is (``None`` for a base indicator).
    boundaries
        The district boundaries the values were recorded under: ``"2008"``
        for Table 1 (SGK 2008: Bayraklı and Karabağlar did not work yet, see
        :mod:`izmir_maps.data.history`), ``"current"`` otherwise.
    """

    id: str
    label_tr: str
    label_en: str
    unit_tr: str
    unit_en: str
    source: str
    source_short: str
    year: str
    fmt: Format = "int"
    per_capita: bool = False
    per_km2: bool = False
    share: bool = False
    rank: bool = False
    scheme: str = "fisher_jenks"
    k: int = 5
    palette: str = "Blues"
    midpoint: float | Literal["izmir"] | None = None
    base: str | None = None
    variant: Variant | None = None
    #: English forms of ``source``, ``source_short`` and ``year`` ("" = the same as those),
    #: which hold the Turkish forms; pages read them through the ``*_text``/``year_label`` methods.
    source_en: str = ""
    source_short_en: str = ""
    year_en: str = ""
    boundaries: Literal["current", "2008"] = "current"
    #: Catalogue key of why a count of zero gets no rank ("OSB yok"); "" when zero
    #: ranks like any other value. See :meth:`ranks` and :meth:`rank_values`.
    unranked_zero: str = ""
    #: Residents per which the per-capita variant counts: 1,000 (employees per 1,000
    #: residents), or 1 where a per-1,000 figure is awkward (exports: ABD $ per resident).
    residents: int = 1000

    def label(self, lang: Lang = "tr") -> str:
        """Title in ``lang``."""
        return getattr(self, f"label_{lang}")

    def unit(self, lang: Lang = "tr") -> str:
        """Unit in ``lang``."""
        return getattr(self, f"unit_{lang}")

    def title(self, lang: Lang = "tr") -> str:
        """Title with the unit in brackets, as legends show it."""
        unit, label = self.unit(lang), self.label(lang)
        if not unit:
            return label
        # "Çalışan sayısı (SGK, 2008), kişi" reads better than two sets of brackets.
        return f"{label}, {unit}" if label.endswith(")") else f"{label} ({unit})"

    def source_line(self, lang: Lang = "tr") -> str:
        """``Kaynak: …`` / ``Source: …`` line for a map."""
        return f"{text('source', lang)}: {self.source_short_text(lang)}"

    def source_text(self, lang: Lang = "tr") -> str:
        """The full source in ``lang`` (``source`` holds the Turkish form).

        Examples
        --------
        >>> indicator("wind_capacity_mw").source_text("tr")
        'EWEA 2009, aktaran: İZKA Aliağa Özet Raporu (Aralık 2010)'
        >>> indicator("wind_capacity_mw").source_text("en")
        'EWEA 2009, via İZKA, Aliağa Summary Report (December 2010)'
        """
        return (self.source_en or self.source) if lang == "en" else self.source

    def source_short_text(self, lang: Lang = "tr") -> str:
        """The short source of map legends in ``lang``."""
        return (self.source_short_en or self.source_short) if lang == "en" else self.source_short

    def year_label(self, lang: Lang = "tr") -> str:
        """The year (or period) the values describe, in ``lang``.

        Examples
        --------
        >>> indicator("osb_count").year_label("tr"), indicator("osb_count").year_label("en")
        ('güncel', 'current')
        """
        return (self.year_en or self.year) if lang == "en" else self.year

    def ranks(self, value: float | None) -> bool:
        """Whether a district with ``value`` gets a rank: a value, and not a zero count.

        A district with no OSB is not "11th of 30" — twenty districts tie there,
        and the place says nothing — so a zero of such a count gets no rank.

        Examples
        --------
        >>> osb = indicator("osb_count")
        >>> osb.ranks(1), osb.ranks(0), osb.ranks(None), indicator("employees").ranks(0)
        (True, False, False, True)
        """
        if value is None or value != value:  # NaN
            return False
        return not (self.unranked_zero and value == 0)

    def rank_values(self, values: pd.Series) -> pd.Series:
        """Rank of each value (1 = highest, ties share the best rank; ``<NA>`` where unranked).

        Only the values that :meth:`ranks` are ranked, so a zero count leaves
        the others' ranks as they are and gets ``<NA>`` itself.

        Examples
        --------
        >>> import pandas as pd
        >>> indicator("osb_count").rank_values(pd.Series([2, 0, 1, 1])).tolist()
        [1, <NA>, 2, 2]
        """
        numbers = pd.to_numeric(values, errors="coerce").astype(float)
        if self.unranked_zero:
            numbers = numbers.where(numbers != 0)
        return numbers.rank(ascending=False, method="min").astype("Int64")

    def variant_id(self, variant: Variant) -> str:
        """Id of this base indicator's ``variant`` (``"employees_per_1000"``).

        Examples
        --------
        >>> [indicator(i).variant_id("per_1000") for i in ("employees", "exports_usd")]
        ['employees_per_1000', 'exports_usd_per_capita']
        """
        if variant == "per_1000" and self.residents != 1000:
            return f"{self.id}_per_capita"
        return f"{self.id}_{variant}"

    def unranked_reason(self, lang: Lang = "tr") -> str:
        """Why a zero gets no rank, in ``lang`` ("OSB yok"); "" when it gets one."""
        return text(self.unranked_zero, lang) if self.unranked_zero else ""

    @property
    def decimals(self) -> int:
        """The decimals :meth:`format` writes by default (``0`` for counts, ``2`` for percentages …).

        Examples
        --------
        >>> indicator("employees").decimals, indicator("employees_share").decimals
        (0, 2)
        """
        return _FMT_DECIMALS[self.fmt]

    def format(
        self,
        value: float | None,
        lang: Lang = "tr",
        *,
        unit: bool = False,
        decimals: int | None = None,
    ) -> str:
        """Format one value in the language's number style.

        ``decimals`` overrides the indicator's own (a map whose values need more to
        print apart, see :meth:`izmir_maps.spec.classify.Classification.decimals`);
        ranks are always whole.

        Examples
        --------
        >>> indicator("employees").format(27225)
        '27.225'
        >>> indicator("employees_share").format(4.136, unit=True)
        '%4,14'
        >>> indicator("exports_usd").format(673307314, "en", unit=True)
        '673,307,314 USD'
        >>> indicator("employees_share").format(0.0042, decimals=3)
        '%0,004'
        """
        places = self.decimals if decimals is None or self.fmt == "rank" else decimals
        if self.fmt == "percent":
            return format_percent(value, lang, places)
        shown = format_number(value, lang, places)
        if self.fmt == "rank" and shown != "–":
            return text("rank_of", lang, rank=shown, of=30)
        if unit and shown != "–" and self.unit(lang):
            return f"{shown} {self.unit(lang)}"
        return shown


_BASE: tuple[Indicator, ...] = (
    Indicator(
        "employees",
        "Çalışan sayısı (SGK, 2008)",
        "Employees (SGK, 2008)",
        *_unit("persons"),
        _SRC_T1 + "; SGK 2008",
        "İZKA, SGK 2008",
        "2008",
        per_capita=True,
        per_km2=True,
        share=True,
        rank=True,
        boundaries="2008",
    ),
    Indicator(
        "firms",
        "Firma sayısı (2008)",
        "Firms (2008)",
        *_unit("firms"),
        _SRC_T1,
        text("src_short_table1"),
        "2008",
        per_capita=True,
        per_km2=True,
        share=True,
        rank=True,
        boundaries="2008",
        palette="Greens",
    ),
    Indicator(
        "exports_usd",
        "İhracat",
        "Exports",
        *_unit("usd"),
        f"{_SRC_T1}; {text('caveat_exports_year_note')}",
        f"İZKA 2009, {_EXPORTS_YEAR}",
        _EXPORTS_YEAR,
        fmt="usd",
        per_capita=True,
        residents=1,
        per_km2=True,
        share=True,
        rank=True,
        boundaries="2008",
        palette="Purples",
    ),
    Indicator(
        "izka_applications",
        "İZKA mali destek başvuruları (2008–2009)",
        "İZKA financial-support applications (2008–2009)",
        *_unit("projects"),
        _SRC_T3,
        text("src_short_table3"),
        "2008–2009",
        per_capita=True,
        share=True,
        rank=True,
        unranked_zero="caveat_zero_applications",
        palette="Oranges",
    ),
    Indicator(
        "izka_successful",
        "İZKA başarılı projeler (2008–2009)",
        "İZKA successful projects (2008–2009)",
        *_unit("projects"),
        _SRC_T3,
        text("src_short_table3"),
        "2008–2009",
        per_capita=True,
        share=True,
        rank=True,
        unranked_zero="caveat_zero_successful",
        palette="Oranges",
    ),
    Indicator(
        "izka_success_rate",
        "İZKA başarı oranı (başarılı / başvuru)",
        "İZKA success rate (successful / applications)",
        "%",
        "%",
        _SRC_T3,
        text("src_short_table3"),
        "2008–2009",
        fmt="percent",
        rank=True,
        palette="RdBu",
        midpoint="izmir",
    ),
    Indicator(
        "population",
        f"Nüfus ({POPULATION_YEAR})",
        f"Population ({POPULATION_YEAR})",
        *_unit("persons"),
        _SRC_POP,
        f"TÜİK ADNKS {POPULATION_YEAR}",
        str(POPULATION_YEAR),
        per_km2=True,
        share=True,
        rank=True,
        palette="Greys",
    ),
    Indicator(
        "area_km2",
        "Yüzölçümü",
        "Area",
        "km²",
        "km²",
        _SRC_GEO,
        "OCHA COD-AB",
        "2021",
        fmt="float1",
        share=True,
        rank=True,
        palette="Greys",
    ),
    Indicator(
        "wind_capacity_mw",
        "Kurulu rüzgâr gücü (2009)",
        "Installed wind capacity (2009)",
        "MW",
        "MW",
        _SRC_WIND,
        "EWEA 2009, İZKA 2010",
        "2009",
        fmt="mw",
        share=True,
        palette="YlGnBu",
    ),
    Indicator(
        "osb_count",
        "Organize sanayi bölgesi sayısı",
        "Organised industrial zones",
        *_unit("osbs"),
        _SRC_OSB,
        text("src_short_osb"),
        _YEAR_CURRENT,
        rank=True,
        unranked_zero="caveat_zero_osb",
        scheme="user",
        palette="Reds",
    ),
)

_PROGRAMMES = {
    "kobi_2008": ("2008 KOBİ", "2008 SME"),
    "sosyal_2008": ("2008 Sosyal Kalkınma", "2008 Social Development"),
    "tarim_kirsal_2009": ("2009 Tarım ve Kırsal Kalkınma", "2009 Agriculture and Rural Dev."),
    "turizm_cevre_2009": ("2009 Turizm ve Çevre", "2009 Tourism and Environment"),
}


def _programme_indicators() -> tuple[Indicator, ...]:
    out = []
    for pid, (tr, en) in _PROGRAMMES.items():
        year = pid[-4:]
        out.append(
            Indicator(
                f"izka_{pid}_applications",
                f"İZKA {tr} başvuruları",
                f"İZKA {en} applications",
                *_unit("projects"),
                _SRC_T3,
                text("src_short_table3"),
                year,
                share=True,
                rank=True,
                unranked_zero="caveat_zero_applications",
                palette="Oranges",
            )
        )
        out.append(
            Indicator(
                f"izka_{pid}_successful",
                f"İZKA {tr} başarılı projeleri",
                f"İZKA {en} successful projects",
                *_unit("projects"),
                _SRC_T3,
                text("src_short_table3"),
                year,
                share=True,
                rank=True,
                unranked_zero="caveat_zero_successful",
                palette="Oranges",
            )
        )
    return tuple(out)


def _variant(base: Indicator, variant: Variant) -> Indicator:
    tr, en = _both(f"variant_{variant}", year=POPULATION_YEAR)
    common = {
        "base": base.id,
        "variant": variant,
        "per_capita": False,
        "per_km2": False,
        "share": False,
        "rank": False,
    }
    if variant == "share":
        return replace(
            base,
            id=f"{base.id}_share",
            label_tr=f"{base.label_tr} – {tr}",
            label_en=f"{base.label_en} – {en}",
            unit_tr="%",
            unit_en="%",
            fmt="percent",
            **common,
        )
    if variant == "rank":
        return replace(
            base,
            id=f"{base.id}_rank",
            label_tr=f"{base.label_tr} – {tr}",
            label_en=f"{base.label_en} – {en}",
            unit_tr=text("unit_rank", "tr"),
            unit_en=text("unit_rank", "en"),
            fmt="rank",
            scheme="equal_interval",
            palette=base.palette + "_r",
            **common,
        )
    if variant == "per_1000":
        source = f"{base.source}; {_SRC_POP}"
        unit = "unit_per_1000"
        if base.residents == 1:  # "ABD $ / kişi", not "ABD $ / 1.000 kişi"
            tr, en = _both("caveat_variant_per_resident", year=POPULATION_YEAR)
            unit = "caveat_unit_per_resident"
        return replace(
            base,
            id=base.variant_id(variant),
            label_tr=f"{base.label_tr}, {tr}",
            label_en=f"{base.label_en}, {en}",
            fmt="float1",
            source=source,
            unit_tr=text(unit, "tr", unit=base.unit_tr),
            unit_en=text(unit, "en", unit=base.unit_en),
            source_short=f"{base.source_short}; TÜİK ADNKS {POPULATION_YEAR}",
            **common,
        )
    source = f"{base.source}; {_SRC_GEO}"
    return replace(
        base,
        id=f"{base.id}_per_km2",
        label_tr=f"{base.label_tr}, {tr}",
        label_en=f"{base.label_en}, {en}",
        fmt="float2",
        source=source,
        unit_tr=f"{base.unit_tr}/km²",
        unit_en=f"{base.unit_en}/km²",
        **common,
    )


def _build() -> dict[str, Indicator]:
    out: dict[str, Indicator] = {}
    for base in _BASE + _programme_indicators():
        out[base.id] = _with_english(base)
        for flag, variant in (
            ("share", "share"),
            ("rank", "rank"),
            ("per_capita", "per_1000"),
            ("per_km2", "per_km2"),
        ):
            if getattr(base, flag):
                derived = _variant(base, variant)  # type: ignore[arg-type]
                out[derived.id] = _with_english(derived)
    return out


def _with_english(ind: Indicator) -> Indicator:
    """``ind`` with the English forms of its source, short source and year.

    Each Turkish catalogue text of :data:`_SOURCE_KEYS` in them is replaced by
    its English form, longest first, so "İZKA 2010, Tablo 3" becomes
    "İZKA 2010, Table 3" and a per-1,000 variant's joined sources follow.
    """
    pairs = sorted(
        ((text(key, "tr"), text(key, "en")) for key in _SOURCE_KEYS),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )

    def english(value: str) -> str:
        for tr, en in pairs:
            value = value.replace(tr, en)
        return value

    return replace(
        ind,
        source_en=english(ind.source),
        source_short_en=english(ind.source_short),
        year_en=english(ind.year),
    )


@lru_cache(maxsize=1)
def _registry() -> dict[str, Indicator]:
    # Built on first use rather than at import, so that a fresh process (or a test that
    # clears the caches) builds it with the code as it is then.
    return _build()


#: Former ids that still name an indicator, so that old links and commands keep working.
_ALIASES = {"exports_usd_per_1000": "exports_usd_per_capita"}


_USER: dict[str, Indicator] = {}


def user_indicator(
    column: str, *, title: str | None = None, source: str, integer: bool = False
) -> Indicator:
    """Register an indicator for a column of a user's own table, with its rank and share variants.

    The id is ``user_<slug of the column>``, so it is safe as a file name.
    Registering the same column again replaces the earlier entry.

    Examples
    --------
    >>> ind = user_indicator("Nüfus 2024", source="TÜİK")
    >>> ind.id, indicator(ind.id + "_rank").fmt
    ('user_nufus-2024', 'rank')
    """
    from izmir_maps.text.names import slugify

    label = title or column
    base = Indicator(
        f"user_{slugify(column)}",
        label,
        label,
        "",
        "",
        source,
        source,
        "",
        fmt="int" if integer else "float2",
        rank=True,
    )
    _USER[base.id] = base
    _USER[f"{base.id}_rank"] = _variant(base, "rank")
    _USER[f"{base.id}_share"] = _variant(base, "share")  # shown when the table has one
    return base


def population_by_year(years: Sequence[int]) -> Indicator:
    """Register the indicator of the shipped populations of several ``years`` (the year map).

    Its label carries no year (each year's map adds it); its rank variant is
    registered with it, and it is not one of :func:`base_indicators`, so no
    popup shows it beside the 2021 population.
    """
    span = ", ".join(str(y) for y in years)
    label_tr, label_en = _both("label_population_years")
    unit_tr, unit_en = _unit("persons")
    src_tr, src_en = _both("src_population_years")
    short_tr, short_en = _both("src_short_population_years", years=span)
    base = Indicator(
        "population_by_year",
        label_tr,
        label_en,
        unit_tr,
        unit_en,
        src_tr,
        short_tr,
        span,
        rank=True,
        palette="Greys",
        source_en=src_en,
        source_short_en=short_en,
    )
    _USER[base.id] = base
    _USER[f"{base.id}_rank"] = _variant(base, "rank")
    return base


def base_indicators() -> list[Indicator]:
    """The indicators read from data (not derived), in display order."""
    return [i for i in _registry().values() if i.variant is None]


def indicator_ids() -> list[str]:
    """Every mappable indicator id, base and derived."""
    return list(_registry())


def indicator(indicator_id: str) -> Indicator:
    """The :class:`Indicator` with this id.

    Raises
    ------
    UnknownIndicatorError
        With the closest ids as suggestions.

    Examples
    --------
    >>> indicator("employees").title("en")
    'Employees (SGK, 2008), persons'
    >>> indicator("exports_usd_per_1000").id  # the former id of exports per resident
    'exports_usd_per_capita'
    """
    try:
        return _registry()[_ALIASES.get(indicator_id, indicator_id)]
    except KeyError:
        if indicator_id in _USER:
            return _USER[indicator_id]
        close = difflib.get_close_matches(str(indicator_id), list(_registry()), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = (
            f"Unknown indicator {indicator_id!r}.{hint} "
            "`izmir-maps indicators` lists every indicator that can be mapped."
        )
        raise UnknownIndicatorError(msg) from None
