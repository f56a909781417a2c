"""Every province of Türkiye: names, districts, name matching and neighbours.

Everything here comes from the national district layer shipped in
``geodata/turkiye_districts_web.geojson`` (OCHA COD-AB, 81 provinces, 973
districts, coverage-simplified to about 300 m; see ``geodata/README.md``).
İzmir's own maps keep their detailed layer and data; these functions let a
user's table be mapped for any other province, or for all of Türkiye.

A province is named in any case, with or without Turkish letters
(``"MANİSA"``, ``"manisa"``), by a short name in common use (``"Afyon"``,
``"Antep"``, ``"Maraş"``, ``"Urfa"``, ``"İçel"``), by its P-code
(``"TUR045"``) or by its licence plate number (``"45"``: the P-codes follow
the plate numbers).
``"Türkiye"`` (also ``"Turkiye"``, ``"Turkey"``, ``"all"``, ``"TUR"``)
stands for all 973 districts: :data:`NATIONAL`.

District names of one province are unique. Across Türkiye some are not
(``Kale`` is in Denizli and in Malatya; ``Yenişehir`` in Bursa, Diyarbakır and
Mersin), so a national table names such a district with its province,
``"Denizli/Kale"`` — any separator or none, either order (``"Kale (Denizli)"``,
``"DENİZLİ KALE"``) — or by its P-code. Names that occur once in Türkiye may
be written alone.

Examples
--------
>>> resolve_province("MANİSA"), province_name("TUR045")
('TUR045', 'Manisa')
>>> len(province_districts("Manisa")), sorted(province_neighbours("İzmir")["province"])
(17, ['Aydın', 'Balıkesir', 'Manisa'])
>>> province_matcher(NATIONAL).name("kale (denizli)")
'Denizli/Kale'
"""

from __future__ import annotations

import difflib
from functools import lru_cache

import geopandas as gpd
import pandas as pd
import shapely

from izmir_maps._checks import shown
from izmir_maps.data.boundaries import IZMIR_PCODE, load_national_districts
from izmir_maps.errors import OptionError, UnknownDistrictError
from izmir_maps.option_names import option_name
from izmir_maps.text.names import DistrictMatcher, match_key

__all__ = [
    "AREA_CRS",
    "NATIONAL",
    "ProvinceMatcher",
    "is_izmir",
    "province_districts",
    "province_land",
    "province_matcher",
    "province_name",
    "province_names",
    "province_neighbours",
    "resolve_province",
]

#: Stands for all 81 provinces (973 districts) wherever a province P-code is expected.
NATIONAL = "TUR"
#: World Cylindrical Equal Area (EPSG:6933): true areas anywhere in Türkiye (UTM zones
#: 35–38 would each suit only part of the country).
AREA_CRS = "EPSG:6933"
_NATIONAL_NAMES = ("Türkiye", "Turkey", "Türkei", "all", "tümü", "tüm iller", "TUR")
#: Short and former names in common use.
_ALIASES = {
    "Afyon": "TUR003",
    "Antep": "TUR027",
    "Maraş": "TUR046",
    "K. Maraş": "TUR046",
    "İçel": "TUR033",
    "Urfa": "TUR063",
}
#: Spelling errors of the source layer's province names, corrected on reading.
_NAME_FIXES = {"Eskişehır": "Eskişehir"}
_CONTEXT_PAD = 2.0  # degrees of land kept around a province for context


def province_names() -> list[str]:
    """The 81 province names in Turkish, in P-code (licence plate) order.

    Examples
    --------
    >>> names = province_names()
    >>> len(names), names[0], names[34], names[-1]
    (81, 'Adana', 'İzmir', 'Düzce')
    """
    return list(_province_list()["province"])


def province_name(pcode: str) -> str:
    """Turkish name of the province with this P-code (``"Türkiye"`` for :data:`NATIONAL`)."""
    if pcode == NATIONAL:
        return "Türkiye"
    names = _province_list().set_index("province_pcode")["province"]
    return str(names.loc[resolve_province(pcode)])


def resolve_province(name: object) -> str:
    """P-code of the province that ``name`` names, or :data:`NATIONAL` for all of Türkiye.

    Parameters
    ----------
    name
        A province name (any case, with or without Turkish letters), its
        P-code (``"TUR035"``), its licence plate number (``"35"``), or
        ``"Türkiye"`` / ``"all"``.

    Raises
    ------
    OptionError
        If ``name`` names no province; the message names the option as the
        user gave it (``province`` from Python, ``--province`` on the command
        line, see :mod:`izmir_maps.option_names`) and suggests the closest names.

    Examples
    --------
    >>> [resolve_province(n) for n in ("İzmir", "IZMIR", "izmir", "35", "tur035")]
    ['TUR035', 'TUR035', 'TUR035', 'TUR035', 'TUR035']
    >>> resolve_province("Türkiye")
    'TUR'
    >>> resolve_province("Manisaa")
    Traceback (most recent call last):
    izmir_maps.errors.OptionError: province 'Manisaa' is not one of Türkiye's 81 provinces. Did you mean 'Manisa'? Give a province name (any case, with or without Turkish letters), its P-code ('TUR045') or plate number ('45'), or 'Türkiye' for all 973 districts.
    """
    text = name.strip() if isinstance(name, str) else ""
    keys = _province_keys()
    key = match_key(text)
    if key in keys:
        return keys[key]
    if text.isdigit() and f"TUR{int(text):03d}" in keys.values():
        return f"TUR{int(text):03d}"
    names = {match_key(n): n for n in province_names()}
    scored = [(difflib.SequenceMatcher(None, key, k).ratio(), n) for k, n in names.items()]
    best = max(score for score, _ in scored)
    close = [n for score, n in sorted(scored, reverse=True)[:3] if score >= max(0.6, best - 0.1)]
    hint = "Did you mean " + " or ".join(map(repr, close)) + "? " if close else ""
    msg = (
        f"{option_name('province')} {shown(name)} is not one of Türkiye's 81 provinces. {hint}"
        "Give a province name (any case, with or without Turkish letters), its P-code "
        "('TUR045') or plate number ('45'), or 'Türkiye' for all 973 districts."
    )
    raise OptionError(msg)


def is_izmir(province: str | None) -> bool:
    """Whether ``province`` (a name, P-code or ``None`` for the default) means İzmir.

    Examples
    --------
    >>> is_izmir(None), is_izmir("izmir"), is_izmir("Manisa")
    (True, True, False)
    """
    return province is None or resolve_province(province) == IZMIR_PCODE


def province_districts(province: str) -> gpd.GeoDataFrame:
    """The districts of one province (or of all Türkiye), sorted by P-code, in WGS84.

    Parameters
    ----------
    province
        A name, P-code or plate number (see :func:`resolve_province`).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``pcode``, ``district`` (Turkish name), ``district_ascii``,
        ``province``, ``province_pcode``, ``area_km2`` (measured in
        :data:`AREA_CRS` on the simplified national layer) and ``geometry``.

    Examples
    --------
    >>> canakkale = province_districts("Çanakkale")
    >>> len(canakkale), "Gökçeada" in set(canakkale["district"])
    (12, True)
    """
    pcode = resolve_province(province)
    table = _national()
    if pcode != NATIONAL:
        table = table[table["province_pcode"] == pcode]
    return table.reset_index(drop=True).copy()


def province_matcher(province: str) -> ProvinceMatcher:
    """A :class:`ProvinceMatcher` for the districts of one province, or of all Türkiye.

    Pass it to :func:`izmir_maps.userdata.table.read_user_table` (``matcher=``).

    Examples
    --------
    >>> province_matcher("Manisa").name("SEHZADELER")
    'Şehzadeler'
    """
    return _matcher(resolve_province(province))


def province_neighbours(province: str) -> gpd.GeoDataFrame:
    """The provinces that share a border with ``province``, each dissolved into one shape.

    Empty for :data:`NATIONAL` (the layer holds no other country).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``province``, ``province_pcode`` and ``geometry``, by P-code.

    Examples
    --------
    >>> list(province_neighbours("Manisa")["province"])
    ['Aydın', 'Balıkesir', 'Denizli', 'İzmir', 'Kütahya', 'Uşak']
    """
    pcode = resolve_province(province)
    if pcode == NATIONAL:
        return _no_provinces()
    provinces = _provinces()
    own = provinces.loc[provinces["province_pcode"] == pcode, "geometry"].iloc[0]
    touching = provinces.geometry.intersects(own) & (provinces["province_pcode"] != pcode)
    return provinces[touching].reset_index(drop=True).copy()


def province_land(province: str) -> gpd.GeoDataFrame:
    """Türkiye's land within 2° of ``province``, as one shape: context drawn under the neighbours.

    Whatever is not land here reads as water on a map: the sea, and also
    neighbouring countries, which the national layer does not hold. Empty for
    :data:`NATIONAL`.

    Examples
    --------
    >>> province_land("Van").geometry.iloc[0].area > province_districts("Van").union_all().area
    True
    """
    pcode = resolve_province(province)
    if pcode == NATIONAL:
        return _no_provinces()[["geometry"]]
    return _land(pcode).copy()


class ProvinceMatcher(DistrictMatcher):
    """Resolve district names or P-codes within one province, or across Türkiye.

    A :class:`~izmir_maps.text.names.DistrictMatcher` whose canonical names are the
    Turkish district names (one province) or ``"İl/İlçe"`` (all of Türkiye,
    where a bare name may be shared by several provinces; see the module
    docs). A name that matches nothing raises
    :class:`~izmir_maps.errors.UnknownDistrictError`, whose message (with the
    closest names) is only built when it is shown: telling whether a column
    holds district names tries every cell.

    Parameters
    ----------
    districts
        Rows with ``pcode``, ``district`` and ``province``.
    area
        What the districts make up (``"Manisa"``, ``"Türkiye"``), for messages.

    Attributes
    ----------
    area
        As given.
    """

    def __init__(self, districts: pd.DataFrame, *, area: str) -> None:
        national = districts["province"].nunique() > 1
        rows = list(
            zip(districts["pcode"], districts["district"], districts["province"], strict=True)
        )
        super().__init__({p: f"{v}/{d}" if national else d for p, d, v in rows})
        self.area = area
        self._ambiguous: dict[str, list[str]] = {}
        bare: dict[str, list[str]] = {}
        for pcode, district, province in rows:
            bare.setdefault(match_key(district), []).append(pcode)
            if national:
                self._by_key.setdefault(match_key(f"{district} {province}"), pcode)
        for key, pcodes in bare.items():
            if len(pcodes) == 1:
                self._by_key.setdefault(key, pcodes[0])
            else:
                self._ambiguous[key] = [self.names_by_pcode[p] for p in sorted(pcodes)]
        self._suggest = {match_key(n): n for n in self.names_by_pcode.values()}
        self._suggest.update(
            {k: self.names_by_pcode[v] for k, v in self._by_key.items() if k not in self._suggest}
        )

    def pcode(self, text: object, *, where: str = "") -> str:
        """P-code of the district that ``text`` names (see :class:`DistrictMatcher`)."""
        raw = "" if text is None else str(text)
        found = self._by_key.get(match_key(raw))
        if found is not None:
            return found
        raise _UnknownNameError(self, raw, where)

    def closest(self, text: str, n: int = 3) -> list[str]:
        """Up to ``n`` canonical names closest to ``text`` (every province's, if it is shared)."""
        key = match_key(text)
        if key in self._ambiguous:
            return self._ambiguous[key][:n]
        hits = difflib.get_close_matches(key, list(self._suggest), n=2 * n, cutoff=0.5)
        return list(dict.fromkeys(self._suggest[k] for k in hits))[:n]

    def _unknown_message(self, raw: str, where: str) -> str:
        shared = self._ambiguous.get(match_key(raw))
        if not shared:
            return super()._unknown_message(raw, where)
        place = f"{where}: " if where else ""
        return (
            f"{place}{raw!r} names districts of {len(shared)} provinces "
            f"({', '.join(map(repr, shared))}). Write the province with it, as "
            f"{shared[0]!r}, or use the P-code."
        )


class _UnknownNameError(UnknownDistrictError):
    """An unknown district name whose message is built when shown (suggestions cost time)."""

    def __init__(self, matcher: ProvinceMatcher, raw: str, where: str) -> None:
        super().__init__()
        self._parts = (matcher, raw, where)

    def __str__(self) -> str:
        matcher, raw, where = self._parts
        return matcher._unknown_message(raw, where)


# --- the national layer, read and derived once ---------------------------------------------------


@lru_cache(maxsize=1)
def _national() -> gpd.GeoDataFrame:
    table = load_national_districts()
    table["province"] = table["province"].replace(_NAME_FIXES)
    table["area_km2"] = table.to_crs(AREA_CRS).area / 1e6
    columns = ["pcode", "district", "district_ascii", "province", "province_pcode", "area_km2"]
    return table[[*columns, "geometry"]].sort_values("pcode").reset_index(drop=True)


@lru_cache(maxsize=1)
def _provinces() -> gpd.GeoDataFrame:
    """The 81 provinces dissolved from their districts, by P-code."""
    table = _national()
    rows = [
        (group["province"].iloc[0], pcode, shapely.coverage_union_all(group.geometry.to_numpy()))
        for pcode, group in table.groupby("province_pcode", sort=True)
    ]
    frame = pd.DataFrame(rows, columns=["province", "province_pcode", "geometry"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=table.crs)


@lru_cache(maxsize=1)
def _province_list() -> pd.DataFrame:
    """Name and P-code of the 81 provinces, by P-code: what names need, without dissolving."""
    table = _national()[["province", "province_pcode"]]
    return (
        table.drop_duplicates("province_pcode").sort_values("province_pcode").reset_index(drop=True)
    )


def _no_provinces() -> gpd.GeoDataFrame:
    """An empty table of provinces (the neighbours of all Türkiye), without dissolving any."""
    frame = _province_list().iloc[:0].copy()
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs=_national().crs))


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    keys = {match_key(n): NATIONAL for n in _NATIONAL_NAMES}
    keys.update({match_key(n): pcode for n, pcode in _ALIASES.items()})
    provinces = _province_list()
    for name, pcode in zip(provinces["province"], provinces["province_pcode"], strict=True):
        keys[match_key(name)] = pcode
        keys[match_key(pcode)] = pcode
    return keys


@lru_cache(maxsize=82)
def _matcher(pcode: str) -> ProvinceMatcher:
    districts = province_districts(pcode)
    return ProvinceMatcher(districts, area=province_name(pcode))


@lru_cache(maxsize=8)
def _land(pcode: str) -> gpd.GeoDataFrame:
    provinces = _provinces()
    own = provinces.loc[provinces["province_pcode"] == pcode, "geometry"].iloc[0]
    w, s, e, n = own.bounds
    box = shapely.box(w - _CONTEXT_PAD, s - _CONTEXT_PAD, e + _CONTEXT_PAD, n + _CONTEXT_PAD)
    land = shapely.intersection(_union(), box)
    return gpd.GeoDataFrame(geometry=[land], crs=provinces.crs)


@lru_cache(maxsize=1)
def _union() -> shapely.Geometry:
    return shapely.coverage_union_all(_provinces().geometry.to_numpy())
