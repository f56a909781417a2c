"""Interface words in Turkish and English; every output takes its words from here."""

from __future__ import annotations

from izmir_maps.numbers import Lang

__all__ = ["has_text", "text"]

_TEXTS: dict[str, tuple[str, str]] = {
    "no_data": ("Veri yok", "No data"),
    "source": ("Kaynak", "Source"),
    "district": ("İlçe", "District"),
    "share_of_izmir": ("İzmir içindeki payı", "Share of İzmir"),
    "rank": ("Sıra", "Rank"),
    "value": ("Değer", "Value"),
    "classes": ("Sınıflama", "Classification"),
    "osb": ("Organize sanayi bölgeleri (OSB)", "Organised industrial zones (OSB)"),
    "osb_short": ("OSB", "OSB"),
    "free_zone": ("Serbest bölge (OSB değil)", "Free zone (not an OSB)"),
    "private_industrial_zone": (
        "Özel endüstri bölgesi (OSB değil)",
        "Private industrial zone (not an OSB)",
    ),
    "agricultural_osb": ("Tarıma dayalı OSB", "Agriculture-based OSB"),
    "location_sourced": ("Konum kaynaktan", "Location from a source"),
    "location_approx": (
        "Yaklaşık konum (ilçe içinde; kaynakta koordinat yok)",
        "Approximate location (inside its district; no sourced coordinate)",
    ),
    "unplaced": (
        "İlçesi bilinmediği için haritada gösterilmeyenler",
        "Not on the map because their district is unknown",
    ),
    "founded": ("Kuruluş yılı", "Founded"),
    "area": ("Alan", "Area"),
    "status_2009": ("Durum (2009)", "Status (2009)"),
    "status_now": ("Durum (güncel)", "Status (current)"),
    "wind": ("Rüzgâr enerjisi kurulu gücü", "Installed wind capacity"),
    "wind_proposed": (
        "Rüzgâr yatırımı için önerilen ilçeler",
        "Districts proposed for wind investment",
    ),
    "wind_unassigned": (
        "İzmir'in {total} MW kurulu gücünün {rest} MW'ı kaynakta bir ilçeye atanmamıştır; "
        "haritada dağıtılmamıştır.",
        "{rest} MW of İzmir's {total} MW is not assigned to a district by the source; "
        "it is not spread over the map.",
    ),
    "wind_farms": (
        "Rüzgâr santralleri (güncel, eksik liste)",
        "Wind farms (present day, incomplete list)",
    ),
    "capacity": ("Kurulu güç", "Capacity"),
    "commissioned": ("İşletmeye giriş", "Commissioned"),
    "status": ("Durum", "Status"),
    "map_osb": ("Organize sanayi bölgeleri", "Organised industrial zones"),
    "map_wind": ("Rüzgâr enerjisi kurulu gücü (2009)", "Installed wind capacity (2009)"),
    "map_combined": (
        "İzmir: istihdam, OSB'ler ve rüzgâr enerjisi",
        "İzmir: employment, OSBs and wind energy",
    ),
    "atlas_title": ("İzmir Bölge Planı 2010–2013 haritaları", "İzmir Regional Plan 2010–2013 maps"),
    "per_population_note": (
        "Kişi başı değerler {year} nüfusu ile hesaplanmıştır.",
        "Per-capita values use {year} population.",
    ),
    "yes": ("evet", "yes"),
    "no": ("hayır", "no"),
    "izmir": ("İzmir", "İzmir"),
    # interactive maps
    "labels": ("İlçe adları", "District names"),
    "zoom_in": ("Yakınlaştır", "Zoom in"),
    "zoom_out": ("Uzaklaştır", "Zoom out"),
    "n_districts": ("{n} ilçe", "{n} districts"),
    "one_district": ("1 ilçe", "1 district"),
    "sea": ("Ege Denizi", "Aegean Sea"),
    "short_name": ("Kısa ad", "Short name"),
    "kind": ("Tür", "Type"),
    "location": ("Konum", "Location"),
    "wind_points": (
        "Kurulu güç 2009, ilçe toplamı (sembol alanı MW ile orantılı)",
        "Installed capacity 2009, district total (symbol area ∝ MW)",
    ),
    "wind_point_approx": (
        "Kesikli çizgi: ilçe içinde yaklaşık konum",
        "Dashed outline: approximate location inside the district",
    ),
    "proposed_district": ("Rüzgâr yatırımı için önerilen ilçe", "Proposed for wind investment"),
    "operating": ("faaliyette", "operating"),
    "planned": ("planlanıyor", "planned"),
    "under construction": ("yapım aşamasında", "under construction"),
    "osb_layer": ("OSB'ler ve serbest bölgeler", "OSBs and free zones"),
    # static maps
    "centre": ("İzmir merkez", "Central İzmir"),
    "gulf": ("İzmir Körfezi", "Gulf of İzmir"),
    "north": ("K", "N"),
    "districts_one": ("{n} ilçe", "{n} district"),
    "districts_many": ("{n} ilçe", "{n} districts"),
    "osb_marker": ("Organize sanayi bölgesi (OSB)", "Organised industrial zone (OSB)"),
}


def has_text(key: str) -> bool:
    """Whether ``key`` is an interface text."""
    return key in _TEXTS


def text(key: str, lang: Lang = "tr", **values: object) -> str:
    """The interface text ``key`` in ``lang``, with ``{placeholders}`` filled.

    Examples
    --------
    >>> text("no_data"), text("no_data", "en")
    ('Veri yok', 'No data')
    """
    tr, en = _TEXTS[key]
    template = tr if lang == "tr" else en
    return template.format(**values) if values else template
