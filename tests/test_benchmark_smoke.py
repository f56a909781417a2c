"""The benchmark script's report, without running the (slow, timing) benchmark itself."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("izmir_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def results() -> dict:
    return {
        "machine": {
            "cpu": "Test CPU",
            "cores": 2,
            "load_1min": 0.5,
            "os": "Linux",
            "python": "3.11.7",
            "packages": {"izmir-maps": "0.1.0", "folium": "0.20.0"},
        },
        "runs": 3,
        "chromium": "156.0",
        "izmir_maps": {
            "bytes": 224_000,
            "own_bytes": 62_000,
            "build_s": 0.2,
            "build_warm_s": 0.03,
            "draw_s": 0.25,
        },
        "explore": {
            "bytes": 1_129_264,
            "own_bytes": 1_129_264,
            "build_s": 0.45,
            "draw_s": 0.6,
            "served": {"https://code.jquery.com/jquery-3.7.1.min.js": "empty"},
        },
        "national": {
            "districts": 973,
            "command_s": 4.2,
            "command_cpu_s": 4.0,
            "bytes": 592_000,
            "draw_s": 1.1,
        },
        "visible_loss": {"zooms": [11, 12, 13], "grid": 10_000, "worst_unmatched_share": 0.0003},
        "atlas": {
            "without_static": {
                "wall_s": 5.0,
                "cpu_s": 4.8,
                "peak_rss_mib": 300.0,
                "maps": 63,
                "maps_bytes": 3_900_000,
                "maps_with_leaflet_inlined": 0,
                "shared_assets_bytes": 162_070,
            },
            "with_static": {
                "wall_s": 60.0,
                "cpu_s": 110.0,
                "peak_rss_mib": 350.0,
                "maps": 63,
                "maps_bytes": 3_900_000,
                "maps_with_leaflet_inlined": 0,
                "shared_assets_bytes": 162_070,
            },
            "static_step_s": 55.0,
            "static_step_cpu_s": 105.2,
        },
    }


def test_report_is_a_markdown_table() -> None:
    report = load_bench().markdown(results())
    lines = report.splitlines()
    assert lines[0].startswith("Machine: Test CPU, 2 cores, Python 3.11.7")
    assert "| HTML file, bytes | 224,000 | 1,129,264 | 1/5.0 |" in lines
    assert (
        "| own payload, bytes (file less shared Leaflet, map.min.js, map.min.css) | 62,000 | "
        "1,129,264 | 1/18.2 |" in lines
    )
    assert any(line.startswith("| national map, 973 districts") for line in lines)
    assert any("Leaflet shared once (162,070 bytes), inlined in 0 maps" in line for line in lines)
    assert "1 more served as empty files (jquery-3.7.1.min.js)" in report
    assert "| of which static PNG/SVG maps | 55.0 | 105.2 | |" in lines


def test_machine_names_the_cpu_and_packages() -> None:
    machine = load_bench().machine()
    assert machine["cores"] >= 1
    assert set(machine["packages"]) >= {"izmir-maps", "geopandas", "folium"}
