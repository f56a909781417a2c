"""``izmir-maps map --data … --layout grid``: a user's table of İzmir on the district grid.

The grid (one equal hexagon per district, :mod:`izmir_maps.data.grid`) is
İzmir's; a table of İzmir's districts is drawn on it as the shipped indicators
are, in HTML and print. Another province has no grid and is refused (see
tests/test_cli_option_names.py for the message both ways).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from izmir_maps.data.join import district_table
from izmir_maps.errors import OptionError
from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.spec.user_spec import user_choropleth_spec, user_years_spec
from izmir_maps.static.render import render_static

LONG = Path(__file__).parent / "fixtures" / "years_population_long.csv"
KONAK = "TUR035020"
#: The ``run_cli`` fixture (tests/conftest.py): status, stdout and stderr of one command.
RunCli = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every district of İzmir with its population of 2021, ``;``-separated, Turkish numbers."""
    districts = district_table("web")
    rows = [
        f"{name};{int(pop):,}".replace(",", ".")
        for name, pop in zip(districts["district"], districts["population"], strict=True)
    ]
    path = tmp_path_factory.mktemp("grid") / "nufus.csv"
    path.write_text("İlçe;Nüfus\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_user_table_is_drawn_on_the_hexagons_of_the_shipped_grid(table: Path) -> None:
    spec, warnings = user_choropleth_spec(table, column="Nüfus", layout="grid")
    shipped = choropleth_spec("employees", layout="grid")
    assert warnings == []
    assert (spec.layout, spec.title) == ("grid", "Nüfus – ilçe ızgarası")
    cells = dict(zip(shipped.districts["pcode"], shipped.districts.geometry, strict=True))
    for pcode, shape in zip(spec.districts["pcode"], spec.districts.geometry, strict=True):
        assert shape.equals(cells[pcode]), pcode
    konak = spec.districts.set_index("pcode").geometry[KONAK]
    assert isinstance(konak, Polygon) and len(konak.exterior.coords) == 7  # a hexagon
    assert spec.neighbours.empty  # no real land around abstract hexagons


def test_html_of_a_user_table_on_the_grid(
    table: Path,
    tmp_path: Path,
    run_cli: RunCli,
    html_title: Callable[[str], str],
) -> None:
    out = tmp_path / "grid.html"
    argv = ["map", "--data", str(table), "--column", "Nüfus", "--layout", "grid"]
    code, printed, errors = run_cli([*argv, "--out", str(out)])
    assert (code, errors) == (0, "")
    assert printed.startswith(f"{out} (")
    html = out.read_text(encoding="utf-8")
    assert html_title(html) == "Nüfus – ilçe ızgarası"
    assert "Eşit alanlı ızgara: her ilçe aynı büyüklükte bir altıgen" in html  # the grid's note
    assert "517.963" in html  # Buca, 2021, in Turkish format


def test_print_of_a_user_table_on_the_grid_names_every_district(
    table: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / "grid.svg"
    argv = ["map", "--data", str(table), "--column", "Nüfus", "--layout", "grid"]
    code, _, errors = run_cli([*argv, "--out", str(out)])
    assert (code, errors) == (0, "")
    svg = out.read_text(encoding="utf-8")
    assert "Nüfus – ilçe ızgarası" in svg and "Güzelbahçe" in svg
    spec, _ = user_choropleth_spec(table, column="Nüfus", layout="grid", layer="detailed")
    fig = render_static(spec)
    ax = next(a for a in fig.axes if a.get_gid() == "map")
    names = {t.get_text() for t in ax.texts if t.get_gid() == "label-district"}
    assert len(names) == 30
    assert not any(str(t.get_gid()).startswith(("scale-bar", "north")) for t in ax.texts)


def test_a_year_table_on_the_grid(
    tmp_path: Path,
    run_cli: RunCli,
    html_title: Callable[[str], str],
) -> None:
    out = tmp_path / "years.html"
    argv = ["map", "--data", str(LONG), "--year-column", "Yıl", "--column", "Nüfus"]
    code, _, _ = run_cli([*argv, "--layout", "grid", "--out", str(out)])
    assert code == 0
    assert html_title(out.read_text(encoding="utf-8")) == "Nüfus – ilçe ızgarası, 2021"


def test_another_province_is_refused_before_its_file_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "yok.csv"  # never opened: the grid is refused first
    with pytest.raises(
        OptionError, match=r"^layout='grid' draws İzmir's 30 districts .* of Muğla's"
    ):
        user_years_spec(missing, years=True, province="MUGLA", layout="grid")


def test_tiles_under_the_grid_are_still_refused(
    table: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / "grid.html"
    argv = ["map", "--data", str(table), "--column", "Nüfus", "--layout", "grid"]
    code, _, errors = run_cli([*argv, "--tiles", "osm", "--out", str(out)])
    assert code == 2 and not out.exists()
    assert errors == (
        "izmir-maps: error: --layout grid is for choropleths of an indicator, not for --tiles "
        "(a basemap under abstract hexagons would mislead).\n"
    )
