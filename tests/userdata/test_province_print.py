"""Print maps of another province's table work, as the README says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import izmir_maps as im

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def manisa_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    names = list(im.province_districts("Manisa")["district"])
    path = tmp_path_factory.mktemp("manisa") / "manisa.csv"
    rows = "".join(f"{name},{1000 * (i + 1)}\n" for i, name in enumerate(names))
    path.write_text("İlçe,Nüfus\n" + rows, encoding="utf-8")
    return path


def test_the_readme_command_writes_a_pdf_of_manisa(manisa_csv: Path) -> None:
    out = manisa_csv.with_suffix(".pdf")
    done = subprocess.run(
        [sys.executable, "-m", "izmir_maps", "map", "--data", str(manisa_csv), "--column",
         "Nüfus", "--province", "Manisa", "--out", str(out)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_png_of_manisa_names_its_districts_and_has_no_izmir_inset(manisa_csv: Path) -> None:
    from matplotlib import pyplot as plt

    spec, _ = im.user_choropleth_spec(manisa_csv, column="Nüfus", province="Manisa")
    fig = im.render_static(spec, size="half")
    try:
        assert len(fig.axes) == 1  # the map alone: İzmir's city-centre inset is not drawn
        shown = {t.get_text() for t in fig.axes[0].texts}
        assert {"Akhisar", "Salihli", "Soma"} <= shown
    finally:
        plt.close(fig)


def test_the_readme_no_longer_says_other_provinces_cannot_be_printed() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "not working yet" not in readme
    assert "Static PNG/SVG/PDF maps work for every province as for İzmir" in readme
