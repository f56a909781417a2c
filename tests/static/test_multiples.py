"""Small multiples for print."""

from __future__ import annotations

import matplotlib.colors as mcolors
import numpy as np
import pytest

from izmir_maps.spec.map_spec import choropleth_spec
from izmir_maps.static.multiples import render_small_multiples_static
from izmir_maps.static.render import write_static

IDS = ("employees", "firms", "exports_usd")


@pytest.fixture(scope="module")
def png(tmp_path_factory: pytest.TempPathFactory):
    fig = render_small_multiples_static(IDS, columns=3)
    path = write_static(fig, tmp_path_factory.mktemp("mult") / "m.png", dpi=60)
    return path, fig


def test_one_titled_panel_per_indicator(png) -> None:
    _, fig = png
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    assert len(titles) == len(IDS)
    assert titles[0].startswith("Çalışan sayısı")


def test_panels_are_the_same_size(png) -> None:
    _, fig = png
    sizes = {
        (round(ax.get_position().width, 4), round(ax.get_position().height, 4))
        for ax in fig.axes
        if ax.get_title(loc="left")
    }
    assert len(sizes) == 1


def test_every_panel_legend_shows_its_classes_in_turkish_format(png) -> None:
    _, fig = png
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    for ax, ind_id in zip(panels, IDS, strict=True):
        spec = choropleth_spec(ind_id, layer="detailed")
        expected = spec.classification.labels(spec.indicator, "tr")
        if spec.caveats.hatched:  # 2008 counts: Bayraklı and Karabağlar hatched, and said so
            expected = [*expected, "Sınır değişikliği"]
        shown = [t.get_text() for t in ax.get_legend().get_texts()]
        assert shown == expected


def test_class_colours_are_painted(png) -> None:
    import matplotlib.image as mpimg

    path, _ = png
    pixels = (mpimg.imread(path)[..., :3] * 255).round().astype(int).reshape(-1, 3)
    found = {tuple(p) for p in np.unique(pixels, axis=0)}
    spec = choropleth_spec("employees", layer="detailed")
    for colour in spec.classification.colors:
        rgb = tuple(round(c * 255) for c in mcolors.to_rgb(colour))
        assert rgb in found, colour
