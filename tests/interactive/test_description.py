"""A map page carries the map's description for screen readers (issue 14)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from izmir_maps.interactive.render import render_html
from izmir_maps.interactive.sync import render_sync_html
from izmir_maps.spec.describe import describe_map
from izmir_maps.spec.map_spec import choropleth_spec, osb_spec


def test_page_has_the_description_and_the_map_points_to_it() -> None:
    spec = choropleth_spec("employees")
    page = render_html(spec).html
    assert 'aria-describedby="izm-desc"' in page
    paragraph = (
        f'<p id="izm-desc" class="izm-sr">{html.escape(describe_map(spec), quote=False)}</p>'
    )
    assert paragraph in page
    assert "Konak (199.310) ve Bornova (117.713)" in page
    assert page.index('id="izm-map"') < page.index('id="izm-desc"')  # read right after the map


def test_description_in_english_and_on_a_marker_map() -> None:
    page = render_html(choropleth_spec("employees", lang="en")).html
    assert "Konak (199,310) and Bornova (117,713) have the highest values" in page
    page = render_html(osb_spec()).html
    assert "Harita, İzmir'deki 14 organize sanayi bölgesini" in page


def test_two_map_page_describes_both_maps() -> None:
    left, right = choropleth_spec("employees"), choropleth_spec("exports_usd")
    page = render_sync_html(left, right).html
    for side, spec in (("l", left), ("r", right)):
        assert f'aria-describedby="izm-desc-{side}"' in page
        text = html.escape(describe_map(spec), quote=False)
        assert f'<p id="izm-desc-{side}" class="izm-sr">{text}</p>' in page


@pytest.mark.browser
def test_description_is_hidden_on_screen_but_read(tmp_path: Path, open_page) -> None:
    path = tmp_path / "employees.html"
    render_html(choropleth_spec("employees")).save(path)
    seen = open_page(
        path.as_uri(), viewport={"width": 1280, "height": 800}, ready="window.izmirMap"
    )
    page = seen.page
    desc = page.locator("#izm-desc")
    box = desc.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1  # nothing to see
    described = page.evaluate(
        "() => document.getElementById("
        "document.getElementById('izm-map').getAttribute('aria-describedby')).textContent"
    )
    assert described.startswith("Harita, İzmir'in 30 ilçesinin değerlerini gösteriyor")
