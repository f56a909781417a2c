"""The README's notebook cells (section "Notebooks and QGIS") run as written."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
MARKER = "<!-- README test: tests/test_explore_readme.py runs the next two Python blocks -->"


def _blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    assert MARKER in text, "the README lost the marker of its notebook cells"
    after = text.split(MARKER, 1)[1]
    return re.findall(r"```python\n(.*?)```", after, flags=re.S)[:2]


def test_readme_cells_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the folium page must not need the network
        for block in _blocks():
            exec(compile(block, str(README), "exec"), scope)  # our own README
    page = scope["page"]
    assert len(page.spec.districts) == 81
    assert page.spec.legend.sections[0].title == "İl alanı (km²)"
    assert (tmp_path / "iller.html").stat().st_size > 100_000
    saved = (tmp_path / "calisanlar.html").read_text(encoding="utf-8")
    assert "Konak Meydan" in saved and "<script src=" not in saved
