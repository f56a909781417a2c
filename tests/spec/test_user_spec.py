"""Maps of a user's own district table (``izmir_maps.spec.user_spec``) and the CLI commands
``map --data``, ``validate`` and ``compare``."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.cli import main
from izmir_maps.data.registry import indicator
from izmir_maps.errors import DataError
from izmir_maps.spec.user_spec import user_choropleth_spec, user_table

COLUMN = "Çalışan Sayısı"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_TITLE = '<img src=x onerror="alert(2)">'


class _Text(HTMLParser):
    """Visible text of a page (no script or style)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)


def visible(page: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return "".join(parser.chunks), parser.tags


def _write_cp1254(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("cp1254"))
    return path


@pytest.fixture
def employees_csv(tmp_path: Path) -> Path:
    """A Turkish-Excel CSV (cp1254, ';') with three districts and a totals row."""
    text = f"İlçe;{COLUMN}\nAliağa;27.225\nÇİĞLİ;39.234\nkarsiyaka;47.504\nToplam;113.963\n"
    return _write_cp1254(tmp_path / "calisan.csv", text)


@pytest.fixture
def typo_csv(tmp_path: Path) -> Path:
    path = tmp_path / "yazim.csv"
    path.write_text("İlçe,Değer\nAliağa,1\nCigly,2\nKonak,3\n", encoding="utf-8")
    return path


def test_user_table_holds_the_values_and_their_ranks(employees_csv: Path) -> None:
    table, ind, warnings = user_table(employees_csv, column=COLUMN)
    assert len(table) == 30
    assert ind.id.startswith("user_") and ind.id.isascii()
    assert ind.label("tr") == COLUMN and ind.fmt == "int"
    values = table.set_index("district")[ind.id]
    assert values[["Aliağa", "Çiğli", "Karşıyaka"]].tolist() == [27225.0, 39234.0, 47504.0]
    assert values.isna().sum() == 27  # absent districts are "no data", not 0
    expected = values.rank(ascending=False, method="min")
    ranks = table.set_index("district")[f"{ind.id}_rank"]
    assert ranks.dropna().astype(int).to_dict() == expected.dropna().astype(int).to_dict()
    assert ranks["Karşıyaka"] == 1
    assert any("Toplam" in w for w in warnings)
    assert any("27 districts have no value" in w and "Konak" in w for w in warnings)


def test_user_spec_classifies_the_column(employees_csv: Path) -> None:
    spec, _ = user_choropleth_spec(employees_csv, column=COLUMN, lang="en", title="My map")
    assert spec.title == "My map"
    assert spec.sources[0] == f"Source: {employees_csv.name} ({COLUMN})"
    items = spec.classification.legend_items(spec.indicator, "en")
    assert items[-1][1:] == ("No data", 27)
    labels = [label for _, label, _ in items[:-1]]
    assert labels == ["27,225", "39,234", "47,504"]
    assert indicator(spec.indicator.id) == spec.indicator  # registered for the renderers


def test_map_command_with_a_turkish_excel_csv(
    employees_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "harita.html"
    code = main(["map", "--data", str(employees_csv), "--column", COLUMN, "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert out.is_file()
    assert str(out) in captured.out
    assert "izmir-maps: warning:" in captured.err
    assert "Konak" in captured.err and "no value" in captured.err
    assert "Toplam" in captured.err
    text = out.read_text(encoding="utf-8")
    assert COLUMN in text
    assert "27.225" in text and "47.504" in text  # Turkish number format in the map


def test_hostile_column_and_title_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "hostile.csv"
    data.write_text(f"İlçe,{HOSTILE}\nAliağa,1\nÇiğli,2\nKonak,3\n", encoding="utf-8")
    out = tmp_path / "hostile.html"
    for args, shown in (([], HOSTILE), (["--title", HOSTILE_TITLE], HOSTILE_TITLE)):
        code = main(["map", "--data", str(data), "--column", HOSTILE, "--out", str(out), *args])
        assert code == 0, capsys.readouterr().err
        page = out.read_text(encoding="utf-8")
        assert HOSTILE not in page
        assert HOSTILE_TITLE not in page
        text, tags = visible(page)
        assert shown in text  # shown as text ...
        assert "img" not in tags  # ... never as markup


def test_map_with_a_misspelled_district_writes_nothing(
    typo_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new.html"
    code = main(["map", "--data", str(typo_csv), "--column", "Değer", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert typo_csv.name in err
    assert "row 3" in err and "column 'İlçe'" in err
    assert "'Cigly'" in err and "Did you mean 'Çiğli'" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [typo_csv.name]


def test_failed_map_leaves_an_existing_output_untouched(
    typo_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "existing.html"
    out.write_bytes(b"<p>previous map</p>\n")
    os.utime(out, (1_000_000_000, 1_000_000_000))
    code = main(["map", "--data", str(typo_csv), "--column", "Değer", "--out", str(out)])
    assert code == 2
    assert out.read_bytes() == b"<p>previous map</p>\n"
    assert out.stat().st_mtime == 1_000_000_000
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]
    capsys.readouterr()


def test_map_data_needs_a_column(
    employees_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["map", "--data", str(employees_csv), "--out", str(tmp_path / "x.html")])
    assert code == 2
    assert "--data needs --column" in capsys.readouterr().err


def test_validate_a_clean_file(employees_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(employees_csv)]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out
    assert "district column: İlçe" in out and COLUMN in out


def test_validate_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("İlçe,Değer\nAliağa,1\nCigly,2\nKonak,abc\nALİAĞA,4\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "3 problem(s)" in out
    assert "  1. " in out and "  2. " in out and "  3. " in out
    assert "Aliağa" in out and "Keep one row per district" in out
    assert "'Cigly'" in out and "Çiğli" in out
    assert "'abc' is not a number" in out and "row 4" in out


def test_reading_errors_are_data_errors(typo_csv: Path) -> None:
    with pytest.raises(DataError, match=r"row 3, column 'İlçe': 'Cigly'.*Did you mean 'Çiğli'"):
        user_table(typo_csv, column="Değer")


def test_compare_command_writes_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.html"
    assert main(["compare", "aliaga", "cigli", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Aliağa" in text and "Çiğli" in text
    assert "27.225" in text
    assert "districts/" not in text  # a lone page links no profiles
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["aliaga", "ALİAĞA"], "Aliağa named more than once"),
        (["aliaga"], "between 2 and 6 districts"),
        (["aliaga", "cigly"], "Did you mean 'Çiğli'"),
    ],
)
def test_compare_command_refuses_bad_district_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], names: list[str], message: str
) -> None:
    out = tmp_path / "x.html"
    assert main(["compare", *names, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_user_table_with_every_district(tmp_path: Path) -> None:
    from izmir_maps.data.join import district_table

    names = district_table("web")["district"]
    frame = pd.DataFrame({"İlçe": names, "Oran": [f"{i},5" for i in range(30)]})
    path = tmp_path / "oran.csv"
    path.write_text(frame.to_csv(index=False, sep=";"), encoding="utf-8")
    table, ind, warnings = user_table(path, column="Oran")
    assert warnings == []
    assert ind.fmt == "float2"
    assert table[ind.id].tolist() == [i + 0.5 for i in range(30)]
