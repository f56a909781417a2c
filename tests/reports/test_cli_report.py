"""``izmir-maps report``: district reports from the command line (issue 15)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from izmir_maps import cli
from izmir_maps.cli import main
from izmir_maps.data.boundaries import load_districts
from izmir_maps.data.paths import data_dir
from izmir_maps.text.names import turkish_sort_key

ERROR = "izmir-maps: error: "
#: the 30 districts in Turkish alphabetical order, as the shipped boundaries name them
THIRTY = sorted(load_districts()["district"], key=turkish_sort_key)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_report_as_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pdf_text: Callable[[Path], str]
) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, err = run(["report", "aliaga", "--out", str(out)], capsys)
    assert (code, err) == (0, "")
    assert stdout == f"{out} ({out.stat().st_size:,} bytes)\n"
    text = re.sub(r"\s+", " ", pdf_text(out))
    assert "Aliağa'da 27.225 kişi çalışıyor" in text
    assert PdfReader(out).metadata.title == "Aliağa — ilçe özet raporu"


def test_report_as_html_from_any_spelling(tmp_path: Path, capsys) -> None:
    out = tmp_path / "cigli.html"
    code, _, err = run(["report", "ÇİĞLİ", "--out", str(out)], capsys)
    assert (code, err) == (0, "")
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="tr">')
    assert "<h1>Çiğli — ilçe özet raporu</h1>" in page
    assert "<a href=" not in page.split("<article", 1)[0]  # standalone: no link to an atlas
    code, _, _ = run(["report", "TUR035010", "--lang", "en", "--out", str(out)], capsys)
    assert code == 0
    assert "<h1>Çiğli — district summary report</h1>" in out.read_text(encoding="utf-8")


def test_several_districts_into_one_pdf(tmp_path: Path, capsys) -> None:
    out = tmp_path / "two.pdf"
    code, _, _ = run(["report", "Foça", "kinik", "foca", "--quiet", "--out", str(out)], capsys)
    assert code == 0
    tops = [item.title for item in PdfReader(out).outline if not isinstance(item, list)]
    assert tops == ["Foça — ilçe özet raporu", "Kınık — ilçe özet raporu"]  # Foça once


def test_all_thirty_in_one_pdf_with_contents(tmp_path: Path, capsys) -> None:
    out = tmp_path / "hepsi.pdf"
    code, _, err = run(["report", "--all", "--out", str(out)], capsys)
    assert code == 0
    assert "30/30 reports" in err  # progress, as `build` shows it
    reader = PdfReader(out)
    tops = [item.title for item in reader.outline if not isinstance(item, list)]
    assert tops == [f"{name} — ilçe özet raporu" for name in THIRTY]
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "İçindekiler" in first and "İzmir ilçe özet raporları" in first


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["aliaga", "--out", "rapor.docx"],
            "Cannot tell the format of 'rapor.docx'; give --out the suffix .pdf (an A4 PDF) "
            "or .html (a page), for example --out aliaga.pdf.",
        ),
        (
            ["aliaga", "konak", "--out", "iki.html"],
            "An HTML report holds one district; --out iki.html would need several. Write "
            "several districts to one PDF (--out raporlar.pdf), or one district per .html file.",
        ),
        (
            ["--all", "--out", "hepsi.html"],
            "An HTML report holds one district; --out hepsi.html would need several. Write "
            "several districts to one PDF (--out raporlar.pdf), or one district per .html file.",
        ),
        (
            ["--out", "rapor.pdf"],
            "Name a district (any spelling, e.g. aliaga or ÇİĞLİ, or a P-code), or give --all.",
        ),
        (["aliaga", "--all", "--out", "rapor.pdf"], "Give district names or --all, not both."),
        (
            ["aliga", "--out", "rapor.pdf"],
            "district: 'aliga' is not a known district. Did you mean 'Aliağa' or 'Torbalı' or "
            "'Balçova'? Correct the name (any case, with or without Turkish letters) or use the "
            "P-code.",
        ),
    ],
)
def test_bad_requests_end_with_one_paragraph(
    argv: list[str], message: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, err = run(["report", *argv], capsys)
    assert (code, stdout) == (2, "")
    assert err == ERROR + message + "\n"
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_an_unknown_district_leaves_an_existing_file_alone(tmp_path: Path, capsys) -> None:
    out = tmp_path / "rapor.pdf"
    out.write_bytes(b"previous report")
    code, _, _ = run(["report", "Aliağa", "Atlantis", "--out", str(out)], capsys)
    assert code == 2
    assert out.read_bytes() == b"previous report"


def test_never_writes_into_the_packages_own_data(capsys) -> None:
    target = data_dir() / "aliaga.pdf"
    code, _, err = run(["report", "aliaga", "--out", str(target)], capsys)
    assert code == 2 and not target.exists()
    assert "holds izmir-maps's own data or code; writing there could replace an input" in err


def test_build_can_leave_the_reports_out(monkeypatch, tmp_path: Path, capsys) -> None:
    import izmir_maps.atlas

    seen: dict[str, object] = {}

    def fake_build(out: Path, **options: object) -> list[Path]:
        seen.update(options)
        return []

    monkeypatch.setattr(izmir_maps.atlas, "build_atlas", fake_build)
    assert main(["build", "--out", str(tmp_path / "a"), "--no-reports", "--quiet"]) == 0
    assert seen["reports"] is False
    assert main(["build", "--out", str(tmp_path / "a"), "--quiet"]) == 0
    assert seen["reports"] is True
    assert "report" in cli._parser().format_help()
