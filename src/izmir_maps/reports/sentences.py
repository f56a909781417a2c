"""The sentences of a district report, in the forms of the source report.

Each function writes one sentence from figures ("2008 verilerine göre
Aliağa'da 27.225 kişi çalışıyor …"), in Turkish or English. The words come
from the catalogue section ``[report]``; every case suffix, ordinal, rank
phrase and list from :mod:`izmir_maps.text.grammar`, every number from
:mod:`izmir_maps.text.numbers`. The functions take plain numbers and names, so
they know nothing of the data files (see :mod:`izmir_maps.reports.content`).

A share of a whole takes the possessive and then the case the verb asks for
(*İzmir toplamının %4,14'ünü oluşturuyor*); :func:`share_of` writes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from izmir_maps.text.grammar import Case, join_list, rank_phrase, with_case
from izmir_maps.text.numbers import Lang, format_number, format_percent
from izmir_maps.text.words import text

__all__ = [
    "RANKED",
    "boundary_sentence",
    "cased",
    "employment_sentence",
    "exports_sentence",
    "exports_share_sentence",
    "firms_sentence",
    "izka_rate_sentence",
    "izka_sentence",
    "osb_sentence",
    "population_sentence",
    "population_year_sentence",
    "rank_sentence",
    "share_of",
    "share_sentence",
    "usd",
    "wind_elsewhere_sentence",
    "wind_proposed_sentence",
    "wind_sentence",
]

#: The indicators a rank sentence can name ("ilçe bazında istihdam sıralamasında").
RANKED = ("employees", "firms", "exports_usd", "population", "izka_applications")
#: Decimals of the shares the source report prints ("%4,14").
_SHARE_DECIMALS = 2


def share_of(percent: str, case: Case = "accusative") -> str:
    """A share as the part of a whole, in ``case``: ``"%4,14"`` → ``"%4,14'ünü"``.

    The share takes the third-person possessive (*%4,14'ü*), then the case
    suffix after that possessive (*-nü*), both following the number as it is
    read.

    Examples
    --------
    >>> share_of("%4,14"), share_of("%30,28"), share_of("%0,07"), share_of("%8,14")
    ("%4,14'ünü", "%30,28'ini", "%0,07'sini", "%8,14'ünü")
    >>> share_of("%0,01", "ablative")
    "%0,01'inden"
    """
    owned = with_case(percent, "possessed")
    return with_case(owned, case, possessive=True, apostrophe=False)


def cased(name: str, case: Case, lang: Lang = "tr") -> str:
    """``name`` as a sentence of ``lang`` needs it: Turkish with its case suffix, English as is.

    The catalogue's sentences take the same placeholders in both languages
    (``{name_gen}``, ``{name_loc}``, ``{name_abl}``); English marks only the
    genitive ("Aliağa's").

    Examples
    --------
    >>> cased("Konak", "locative"), cased("Konak", "locative", "en"), cased("Konak", "genitive", "en")
    ("Konak'ta", 'Konak', "Konak's")
    """
    if lang == "en":
        return f"{name}'s" if case == "genitive" else name
    return with_case(name, case)


def _count(value: float, lang: Lang) -> str:
    return format_number(value, lang)


def usd(value: float, lang: Lang = "tr") -> str:
    """US dollars in words: ``"673.307.314 ABD doları"``, ``"USD 673,307,314"``."""
    return text("report_usd", lang, value=_count(value, lang))


def population_sentence(name: str, population: float, year: int, lang: Lang = "tr") -> str:
    """The population sentence of district ``name`` in year ``year``.

    Examples
    --------
    >>> population_sentence("Konak", 336545, 2021)
    "2021 ADNKS verilerine göre Konak'ın nüfusu 336.545 kişi."
    >>> population_sentence("Konak", 336545, 2021, "en")
    "According to ADNKS 2021, Konak's population was 336,545."
    """
    return text(
        "report_population",
        lang,
        year=year,
        name=name,
        name_gen=cased(name, "genitive", lang),
        count=_count(population, lang),
    )


def population_year_sentence(year: int, lang: Lang = "tr") -> str:
    """Why the population is of another year than the report's other figures."""
    return text("report_population_year", lang, year=year)


def employment_sentence(name: str, employees: float, year: int, lang: Lang = "tr") -> str:
    """The source's employment sentence for district ``name``.

    Examples
    --------
    >>> employment_sentence("Aliağa", 27225, 2008)
    "2008 verilerine göre Aliağa'da 27.225 kişi çalışıyor (SGK verilerine göre sigortalı çalışan sayısı)."
    >>> employment_sentence("Aliağa", 27225, 2008, "en")
    'In 2008, 27,225 people worked in Aliağa (insured employees, SGK).'
    """
    return text(
        "report_employment",
        lang,
        year=year,
        name=name,
        name_loc=cased(name, "locative", lang),
        count=_count(employees, lang),
    )


def firms_sentence(name: str, firms: float, year: int, lang: Lang = "tr") -> str:
    """The source's firms sentence for district ``name``.

    Examples
    --------
    >>> firms_sentence("Kınık", 221, 2008)
    "2008 verilerine göre Kınık'ta toplam 221 firma faaliyet gösteriyor."
    """
    return text(
        "report_firms",
        lang,
        year=year,
        name=name,
        name_loc=cased(name, "locative", lang),
        count=_count(firms, lang),
    )


def share_sentence(what: str, share: float, lang: Lang = "tr") -> str:
    """What share of İzmir's total the figure before it is.

    Parameters
    ----------
    what
        ``"employees"``, ``"firms"`` or ``"population"``.
    share
        In percent.

    Examples
    --------
    >>> share_sentence("employees", 4.14)
    "Bu sayı İzmir toplam istihdamının %4,14'ünü oluşturuyor."
    >>> share_sentence("employees", 4.14, "en")
    "That is 4.14% of İzmir's total employment."
    """
    shown = format_percent(share, lang, _SHARE_DECIMALS)
    return text(f"report_share_{what}", lang, share=shown if lang == "en" else share_of(shown))


def rank_sentence(
    name: str,
    what: str,
    rank: int,
    total: int,
    lang: Lang = "tr",
    *,
    tied_with: Sequence[str] = (),
    by: str = "share",
) -> str:
    """Where the district stands among İzmir's districts on one indicator.

    Parameters
    ----------
    name
        The district.
    what
        One of :data:`RANKED`.
    rank, total
        Its rank (1 = highest; ties share the best rank) among ``total`` ranked districts.
    tied_with
        The other districts with the same rank.
    by
        ``"share"`` after a share sentence ("Bu oranla"), ``"count"`` after a count
        ("Bu sayıyla").

    Examples
    --------
    >>> rank_sentence("Aliağa", "employees", 9, 30)
    'Bu oranla Aliağa, ilçe bazında istihdam sıralamasında 9. sırada yer alıyor.'
    >>> rank_sentence("Konak", "employees", 1, 30, "en")
    "This puts Konak first among İzmir's districts in employment."
    >>> rank_sentence("Aliağa", "izka_applications", 25, 30, tied_with=["Selçuk"], by="count")
    'Bu sayıyla Aliağa, ilçe bazında İZKA başvuru sayısı sıralamasında Selçuk ile birlikte 25. sırada yer alıyor.'
    """
    if what not in RANKED:
        raise ValueError(f"what must be one of {', '.join(RANKED)}, not {what!r}")
    if by not in ("share", "count"):
        raise ValueError(f"by must be 'share' or 'count', not {by!r}")
    place = rank_phrase(rank, total, lang, tied_with=tied_with)
    return text(
        f"report_rank_{by}", lang, name=name, what=text(f"report_what_{what}", lang), place=place
    )


def exports_sentence(name: str, exports_usd: float, lang: Lang = "tr") -> str:
    """The district's exports in US dollars, from Table 1.

    Examples
    --------
    >>> exports_sentence("Çeşme", 127080)
    "Tablo 1'e göre Çeşme'den yapılan ihracat 127.080 ABD doları."
    """
    return text(
        "report_exports",
        lang,
        name=name,
        name_abl=cased(name, "ablative", lang),
        value=usd(exports_usd, lang),
    )


def exports_share_sentence(name: str, share: float, lang: Lang = "tr") -> str:
    """The source's export-share sentence; a share that rounds to zero is said as "less than".

    Examples
    --------
    >>> exports_share_sentence("Aliağa", 8.14)
    "Aliağa'nın toplam ihracat oranı İzmir toplamının %8,14'ünü oluşturuyor."
    >>> exports_share_sentence("Kiraz", 0.0007)
    "Kiraz'ın toplam ihracat oranı İzmir toplamının %0,01'inden azını oluşturuyor."
    >>> exports_share_sentence("Kiraz", 0.0007, "en")
    "Kiraz's exports are less than 0.01% of İzmir's total."
    """
    smallest = 10**-_SHARE_DECIMALS
    tiny = 0 < share < smallest / 2
    shown = format_percent(smallest if tiny else share, lang, _SHARE_DECIMALS)
    if lang != "en":
        shown = share_of(shown, "ablative" if tiny else "accusative")
    key = "report_exports_share_tiny" if tiny else "report_exports_share"
    return text(key, lang, name=name, name_gen=cased(name, "genitive", lang), share=shown)


def boundary_sentence(name: str, line: str, lang: Lang = "tr") -> str:
    """The 2008 boundary caveat of a district, from the line maps and profiles show."""
    return text("report_boundary", lang, name=name, line=line)


def izka_sentence(name: str, applications: int, successful: int, lang: Lang = "tr") -> str:
    """Applications to İZKA's programmes and how many succeeded.

    Examples
    --------
    >>> izka_sentence("Aliağa", 9, 2)
    "Aliağa'dan İZKA'nın 2008–2009 mali destek programlarına 9 proje başvurusu yapıldı; bunlardan 2'si başarılı bulunup sözleşme imzaladı."
    >>> izka_sentence("Aliağa", 9, 2, "en")
    "9 project applications from Aliağa were made to İZKA's 2008–2009 financial-support programmes; 2 of them succeeded and signed a contract."
    """
    if applications == 0:
        key = "report_izka_zero"
    elif successful == 0:
        key = "report_izka_none"
    elif applications == 1:
        key = "report_izka_one"
    else:
        key = "report_izka_many"
    return text(
        key,
        lang,
        name=name,
        name_abl=cased(name, "ablative", lang),
        applications=_count(applications, lang),
        successful=_count(successful, lang)
        if lang == "en"
        else with_case(_count(successful, lang), "possessed"),
    )


def izka_rate_sentence(name: str, rate: float, izmir_rate: float, lang: Lang = "tr") -> str:
    """The district's success rate against İzmir's, as the rates are written.

    Examples
    --------
    >>> izka_rate_sentence("Aliağa", 22.2222, 25.0992)
    "Aliağa'nın başarı oranı (%22,22) İzmir genelinin (%25,10) altında."
    """
    shown, izmir = format_percent(rate, lang), format_percent(izmir_rate, lang)
    if shown == izmir:
        key = "report_izka_rate_equal"
    else:
        key = "report_izka_rate_above" if rate > izmir_rate else "report_izka_rate_below"
    return text(
        key, lang, name=name, name_gen=cased(name, "genitive", lang), rate=shown, izmir=izmir
    )


def osb_sentence(
    name: str, zones: Sequence[tuple[str, str]], kinds: Sequence[str], lang: Lang = "tr"
) -> str:
    """The organised industrial and free zones of a district, counted by kind and named.

    Parameters
    ----------
    zones
        (kind, name) of each zone in the district, in the order to name them.
    kinds
        The kinds in the order to count them.

    Examples
    --------
    >>> osb_sentence("Foça", [], ["osb"])
    "Kullanılan kaynaklarda Foça'da organize sanayi bölgesi, serbest bölge ya da özel endüstri bölgesi kayıtlı değil."
    >>> osb_sentence("Menemen", [("osb", "A OSB"), ("free_zone", "B"), ("free_zone", "C")],
    ...              ["osb", "free_zone"], "en")
    'Menemen has 1 organised industrial zone and 2 free zones: A OSB, B and C.'
    """
    loc = cased(name, "locative", lang)
    if not zones:
        return text("report_osb_none", lang, name=name, name_loc=loc)
    counted = []
    for kind in kinds:
        n = sum(1 for k, _ in zones if k == kind)
        if n:
            counted.append(text(f"report_osb_kind_{kind}_{'one' if n == 1 else 'many'}", lang, n=n))
    names = join_list([z for _, z in zones], lang)
    return text(
        "report_osb", lang, name=name, name_loc=loc, kinds=join_list(counted, lang), names=names
    )


def wind_sentence(
    name: str, year: str, total: str, mw: str, share: float, lang: Lang = "tr"
) -> str:
    """The district's installed wind capacity as a part of İzmir's.

    Parameters
    ----------
    name
        The district.
    year, total
        The year and İzmir's total capacity, written ("2009", "255 MW").
    mw, share
        The district's capacity, written, and its share of ``total`` in percent.

    Examples
    --------
    >>> wind_sentence("Aliağa", "2009", "255 MW", "147,5 MW", 57.84)
    "EWEA'nın 2009 verilerine göre İzmir'de kurulu 255 MW rüzgâr gücünün 147,5 MW'ı (%57,84) Aliağa'da."
    >>> wind_sentence("Aliağa", "2009", "255 MW", "147.5 MW", 57.84, "en")
    'According to EWEA, of the 255 MW of wind capacity installed in İzmir in 2009, 147.5 MW (57.84%) was in Aliağa.'
    """
    en = lang == "en"
    return text(
        "report_wind_district",
        lang,
        year=year,
        total=total,
        mw=mw if en else with_case(mw, "possessed"),
        share=format_percent(share, lang),
        name=name,
        name_loc=cased(name, "locative", lang),
    )


def wind_elsewhere_sentence(
    name: str,
    year: str,
    total: str,
    assigned: str,
    owners: Sequence[str],
    rest: str,
    lang: Lang = "tr",
) -> str:
    """Why the source gives no wind capacity for the district.

    Parameters
    ----------
    assigned, owners, rest
        The capacity the source does assign (written), the districts it
        assigns it to, and the capacity it assigns to none.

    Examples
    --------
    >>> wind_elsewhere_sentence("Kınık", "2009", "255 MW", "147,5 MW", ["Aliağa"], "107,5 MW")
    "EWEA'nın 2009 verilerine göre İzmir'de kurulu 255 MW rüzgâr gücünün 147,5 MW'ı Aliağa'ya ait; kaynak kalan 107,5 MW için ilçe belirtmiyor, bu yüzden Kınık'ın kurulu rüzgâr gücü bilinmiyor."
    """
    en = lang == "en"
    owned = join_list(owners, lang)
    return text(
        "report_wind_elsewhere",
        lang,
        year=year,
        total=total,
        assigned=assigned if en else with_case(assigned, "possessed"),
        owners_dat=owned if en else with_case(owned, "dative"),
        rest=rest,
        name=name,
        name_gen=cased(name, "genitive", lang),
    )


def wind_proposed_sentence(name: str, proposed: Sequence[str], lang: Lang = "tr") -> str:
    """Whether the report proposes the district for wind-power investment.

    Examples
    --------
    >>> wind_proposed_sentence("Urla", ["Aliağa", "Bergama", "Urla"])
    'Urla, Aliağa ve Bergama ile birlikte rüzgâr elektrik santralleri bakımından yatırım alanı olarak önerilen ilçeler arasında.'
    >>> wind_proposed_sentence("Kınık", ["Aliağa", "Urla"], "en")
    'Kınık is not among the districts the report proposes as investment areas for wind power plants (Aliağa and Urla).'
    """
    if name in proposed:
        others = join_list([n for n in proposed if n != name], lang)
        return text("report_wind_proposed", lang, name=name, others=others)
    return text("report_wind_not_proposed", lang, name=name, names=join_list(proposed, lang))
