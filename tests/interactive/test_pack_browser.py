"""The national map sent by column (``_payload.pack``) is the same map in a real browser.

The same 973-district map is written twice: packed, as every national page is, and
one object per district, as a province's page is (``PACK_MIN`` raised). Headless
Chromium (``open_page`` in ``tests/conftest.py``, every request blocked) draws both;
every district's outline, fill, class and spoken name, every label, a tooltip, the
ranking bars, the value table and the search list must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from izmir_maps.data.provinces import NATIONAL, province_districts
from izmir_maps.interactive import _payload
from izmir_maps.interactive.render import write_html
from izmir_maps.spec.user_spec import user_choropleth_spec

pytestmark = pytest.mark.browser

READY = "window.izmirMap !== undefined"
#: What the map shows and says, element by element.
SEEN = """() => {
  const all = (s) => Array.from(document.querySelectorAll(s));
  return {
    paths: all("path").map((e) => ["d", "class", "aria-label", "fill", "role", "stroke"].map((a) => e.getAttribute(a))),
    labels: all(".izm-label").map((e) => [e.textContent, e.style.display, e.className]),
  };
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pack")
    pcodes = province_districts(NATIONAL)["pcode"]
    values = [(i * 7919) % 100_000 if i % 50 else None for i in range(len(pcodes))]  # some empty
    table = folder / "turkiye.csv"
    pd.DataFrame({"pcode": pcodes, "value": values}).to_csv(table, index=False)
    spec, _ = user_choropleth_spec(table, column="value", province="Türkiye")
    packed = write_html(spec, folder / "packed.html")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_payload, "PACK_MIN", 10**9)
        whole = write_html(spec, folder / "whole.html")
    assert '"p":{' in packed.read_text(encoding="utf-8")
    assert '"p":{' not in whole.read_text(encoding="utf-8")
    return {"packed": packed, "whole": whole}


def what_is_seen(open_page, path: Path) -> dict:
    page = open_page(path.as_uri(), viewport={"width": 1280, "height": 800}, ready=READY).page
    out = page.evaluate(SEEN)
    page.mouse.move(540, 360)  # central Anatolia: a district's tooltip and its bar marked
    page.wait_for_selector(".izm-tip")
    out["tip"] = page.inner_html(".izm-tip")
    page.mouse.move(5, 795)
    page.click(".izm-rbtn")
    out["bars"] = page.inner_html(".izm-rb ol")
    page.click(".izm-rb-x")
    page.click(".izm-tbl")
    out["table"] = page.inner_html("#izm-table")
    page.click(".izm-table-back")
    page.fill(".izm-find input", "kale")
    out["search"] = page.inner_html(".izm-list")
    return out


def test_the_packed_page_shows_and_says_the_same(open_page, pages) -> None:
    packed = what_is_seen(open_page, pages["packed"])
    whole = what_is_seen(open_page, pages["whole"])
    assert len(packed["paths"]) >= 973 and packed["paths"] == whole["paths"]
    assert packed["labels"] == whole["labels"]
    assert "<b>" in packed["tip"] and packed["tip"] == whole["tip"]
    assert packed["bars"].count("<li>") == 973 and packed["bars"] == whole["bars"]
    assert packed["table"].count('<th scope="row">') == 973 and packed["table"] == whole["table"]
    assert "Kale" in packed["search"] and packed["search"] == whole["search"]
