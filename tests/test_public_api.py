"""The package's public API is what the README's Python section uses, and only that."""

import os
import re
import subprocess
import sys
from pathlib import Path

import izmir_maps as im

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_public_name_resolves():
    missing = [name for name in im.__all__ if getattr(im, name, None) is None]
    assert missing == []


def test_dir_lists_every_public_name():
    assert set(im.__all__) <= set(dir(im))


def test_unknown_name_raises_attribute_error():
    try:
        im.no_such_thing  # noqa: B018
    except AttributeError as err:
        assert "no_such_thing" in str(err)
    else:
        raise AssertionError("expected AttributeError")


def test_readme_python_imports_only_from_the_package():
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks, "README has no Python example"
    imports = [
        line for b in blocks for line in b.splitlines() if re.match(r"\s*(from|import) ", line)
    ]
    deep = [line for line in imports if re.match(r"\s*from izmir_maps\.", line)]
    assert deep == []
    names = {
        n.strip()
        for line in imports
        if line.startswith("from izmir_maps import")
        for n in line.split("import", 1)[1].split(",")
    }
    assert names <= set(im.__all__)


def test_readme_python_examples_run(tmp_path):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    # The province example reads a user's table that the README only names; write one.
    names = im.province_districts("Manisa")["district"]
    rows = [f"{name},{i * 1000}" for i, name in enumerate(names, start=1)]
    (tmp_path / "manisa.csv").write_text("İlçe,Nüfus\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert {p.name for p in tmp_path.iterdir()} >= {
        "employees_per_1000.html",
        "employees_per_1000.png",
        "manisa.html",
    }


def test_importing_the_package_does_not_load_the_renderers():
    code = "import sys, izmir_maps; print('matplotlib' in sys.modules, 'izmir_maps.interactive.render' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
