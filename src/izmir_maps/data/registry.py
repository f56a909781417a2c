"""The one list of mappable indicators: labels, units, sources, formats, defaults.

Every map, legend, tooltip, page and CLI listing reads from here. Base
indicators are declared once; their share, rank, per-1,000-residents and
per-km² variants are derived by :func:`indicator`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Literal

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


_SRC_T1 = (
    "İZKA, İzmir Kümelenme Analizi İstatistikî Rapor (2009), via İZKA, 2010–2013 İzmir "
    "Bölge Planı İlçe Toplantıları Aliağa Özet Raporu (Aralık 2010), Tablo 1"
)
_SRC_T3 = (
    "İZKA, 2010–2013 İzmir Bölge Planı İlçe Toplantıları Aliağa Özet Raporu (Aralık 2010), Tablo 3"
)
_SRC_POP = "TÜİK, Adrese Dayalı Nüfus Kayıt Sistemi (ADNKS) 2021"
_SRC_WIND = "EWEA 2009, via İZKA Aliağa Özet Raporu (Aralık 2010)"
_SRC_OSB = "İZKA Aliağa Özet Raporu (2010); OSB web sites and press (data/osb.csv)"
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
        return f"{text('source', lang)}: {self.source_short}"

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
    ),
    Indicator(
        "firms",
        "Firma sayısı (2008)",
        "Firms (2008)",
        *_unit("firms"),
        _SRC_T1,
        "İZKA 2009 (2008 verisi)",
        "2008",
        per_capita=True,
        per_km2=True,
        share=True,
        rank=True,
        palette="Greens",
    ),
    Indicator(
        "exports_usd",
        "İhracat",
        "Exports",
        *_unit("usd"),
        _SRC_T1,
        "İZKA 2009",
        "2008",
        fmt="usd",
        per_capita=True,
        per_km2=True,
        share=True,
        rank=True,
        palette="Purples",
    ),
    Indicator(
        "izka_applications",
        "İZKA mali destek başvuruları (2008–2009)",
        "İZKA financial-support applications (2008–2009)",
        *_unit("projects"),
        _SRC_T3,
        "İZKA 2010, Tablo 3",
        "2008–2009",
        per_capita=True,
        share=True,
        rank=True,
        palette="Oranges",
    ),
    Indicator(
        "izka_successful",
        "İZKA başarılı projeler (2008–2009)",
        "İZKA successful projects (2008–2009)",
        *_unit("projects"),
        _SRC_T3,
        "İZKA 2010, Tablo 3",
        "2008–2009",
        per_capita=True,
        share=True,
        rank=True,
        palette="Oranges",
    ),
    Indicator(
        "izka_success_rate",
        "İZKA başarı oranı (başarılı / başvuru)",
        "İZKA success rate (successful / applications)",
        "%",
        "%",
        _SRC_T3,
        "İZKA 2010, Tablo 3",
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
        "İZKA 2010; OSB kaynakları",
        "güncel / current",
        rank=True,
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
                "İZKA 2010, Tablo 3",
                year,
                share=True,
                rank=True,
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
                "İZKA 2010, Tablo 3",
                year,
                share=True,
                rank=True,
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
        return replace(
            base,
            id=f"{base.id}_per_1000",
            label_tr=f"{base.label_tr}, {tr}",
            label_en=f"{base.label_en}, {en}",
            fmt="float1",
            source=source,
            unit_tr=text("unit_per_1000", "tr", unit=base.unit_tr),
            unit_en=text("unit_per_1000", "en", unit=base.unit_en),
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
        out[base.id] = base
        for flag, variant in (
            ("share", "share"),
            ("rank", "rank"),
            ("per_capita", "per_1000"),
            ("per_km2", "per_km2"),
        ):
            if getattr(base, flag):
                derived = _variant(base, variant)  # type: ignore[arg-type]
                out[derived.id] = derived
    return out


_REGISTRY = _build()


_USER: dict[str, Indicator] = {}


def user_indicator(
    column: str, *, title: str | None = None, source: str, integer: bool = False
) -> Indicator:
    """Register an indicator for a column of a user's own table, with its rank variant.

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
    return base


def base_indicators() -> list[Indicator]:
    """The indicators read from data (not derived), in display order."""
    return [i for i in _REGISTRY.values() if i.variant is None]


def indicator_ids() -> list[str]:
    """Every mappable indicator id, base and derived."""
    return list(_REGISTRY)


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
    """
    try:
        return _REGISTRY[indicator_id]
    except KeyError:
        if indicator_id in _USER:
            return _USER[indicator_id]
        close = difflib.get_close_matches(str(indicator_id), list(_REGISTRY), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = (
            f"Unknown indicator {indicator_id!r}.{hint} "
            "`izmir-maps indicators` lists every indicator that can be mapped."
        )
        raise UnknownIndicatorError(msg) from None
