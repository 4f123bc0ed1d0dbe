"""What `pip install practice-desk` gets: every module, the data files under resources/
(shipped as desktop.resources), the migrations, the generated forms and the command.

These build a real wheel (`pip wheel --no-deps`, a few seconds) from a temporary copy of the
tree (a build writes build/ and *.egg-info beside the sources; the checkout gets neither) and
install it into a folder of its own, so a file that only works from a checkout is caught here
rather than on a practice's workstation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

import desktop

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SKIP_PARTS = {"__pycache__"}


def _source_files(folder: Path, suffixes: tuple[str, ...] | None = None) -> set[str]:
    """Files under ``folder`` relative to it (posix), without caches and editor droppings."""
    found = set()
    for path in folder.rglob("*"):
        if not path.is_file() or SKIP_PARTS & set(path.parts) or path.name.startswith("."):
            continue
        if path.suffix in (".pyc", ".pyo") or path.name.endswith("~"):
            continue
        if suffixes is None or path.suffix in suffixes:
            found.add(path.relative_to(folder).as_posix())
    return found


def _package_dirs() -> set[str]:
    """Every folder under desktop/ holding Python files, as a dotted package name."""
    names = set()
    for py in (ROOT / "desktop").rglob("*.py"):
        if SKIP_PARTS & set(py.parts):
            continue
        names.add(".".join(py.parent.relative_to(ROOT).parts))
    return names


def test_pyproject_lists_exactly_the_packages_in_the_tree():
    """The package list in pyproject.toml is explicit (so resources/ can ship as desktop.resources):
    a new sub-package has to be added there, and a listed folder has to exist, or pip install fails."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    mapped = PYPROJECT["tool"]["setuptools"].get("package-dir", {})
    assert mapped.get("desktop.resources") == "resources"
    expected = _package_dirs() | {"desktop.resources"}
    missing = sorted(expected - listed)
    assert not missing, f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"
    listed_dirs = {name: ROOT / mapped.get(name, name.replace(".", "/")) for name in listed}
    absent = sorted(name for name, folder in listed_dirs.items() if not folder.is_dir())
    assert not absent, f"pyproject.toml lists packages with no folder (pip install fails): {absent}"


# What a build of the checkout must not see or leave: environments, VCS data, earlier build output.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
                                    ".hypothesis", "*.db", "*.db-wal", "*.db-shm")


def _checkout_state() -> dict[str, float]:
    """Every top-level entry of the checkout with its modification time."""
    return {p.name: p.stat().st_mtime_ns for p in ROOT.iterdir()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, dict, dict]:
    """The wheel, the copy it was built from, and the checkout's state before and after."""
    before = _checkout_state()
    source = tmp_path_factory.mktemp("source") / "practice-desk"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q",
         "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=600, cwd=source,
    )
    assert proc.returncode == 0, f"pip wheel failed:\n{proc.stdout}\n{proc.stderr}"
    wheels = list(out.glob("practice_desk-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0], source, before, _checkout_state()


@pytest.fixture(scope="module")
def wheel(built) -> Path:
    return built[0]


def test_the_wheel_is_built_from_a_copy_and_the_checkout_is_left_as_it_was(built):
    _wheel, source, before, after = built
    assert after == before
    # The build really happened over there: setuptools left its metadata in the copy.
    assert list(source.glob("*.egg-info"))


def test_the_version_is_written_once_and_the_wheel_carries_it(wheel):
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert wheel.name.startswith(f"practice_desk-{desktop.__version__}-")
    with zipfile.ZipFile(wheel) as zf:
        metadata = zf.read(next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    assert f"\nVersion: {desktop.__version__}\n" in metadata


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_wheel_has_data_files_migrations_and_forms(wheel_names):
    assert "desktop/resources/reasons.json" in wheel_names
    assert "desktop/store/migrations/0001_initial.py" in wheel_names
    assert "desktop/__main__.py" in wheel_names
    forms = {f"desktop/gui/forms/{name}" for name in _source_files(ROOT / "desktop/gui/forms", (".py",))}
    assert forms <= wheel_names, f"generated forms missing from the wheel: {sorted(forms - wheel_names)}"


def test_wheel_has_every_module_and_resource_of_the_tree(wheel_names):
    modules = {f"desktop/{name}" for name in _source_files(ROOT / "desktop", (".py",))}
    missing = sorted(modules - wheel_names)
    assert not missing, f"modules not in the wheel (package not listed in pyproject.toml?): {missing}"
    resources = {f"desktop/resources/{name}" for name in _source_files(ROOT / "resources")}
    missing = sorted(resources - wheel_names)
    assert not missing, (
        "files under resources/ not in the wheel: add their pattern to "
        f"[tool.setuptools.package-data] 'desktop.resources' in pyproject.toml: {missing}"
    )


def test_wheel_declares_the_command(wheel, wheel_names):
    entry_points = next(n for n in wheel_names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read(entry_points).decode()
    assert "practice-desk = desktop.__main__:main" in text


def _site_packages() -> str:
    return sysconfig.get_paths()["purelib"]


def test_installed_wheel_finds_its_resources_outside_the_checkout(wheel, tmp_path):
    """Install the wheel alone into a folder and import it from there, with the dependencies
    from this venv but neither the checkout nor the editable install on the path (-S: no site,
    so no .pth files; cwd is elsewhere)."""
    target = tmp_path / "installed"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q",
         "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, f"pip install --target failed:\n{proc.stdout}\n{proc.stderr}"

    script = (
        "import json, desktop, desktop.paths as p\n"
        "from desktop.store import migrations\n"
        "reasons = p.resource('reasons.json')\n"
        "json.loads(reasons.read_text(encoding='utf-8'))\n"
        "print(desktop.__file__)\n"
        "print(reasons)\n"
        "print(','.join(migrations.known()))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = os.pathsep.join([str(target), _site_packages()])
    run = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 0, f"the installed copy does not work:\n{run.stdout}\n{run.stderr}"
    package_file, reasons_path, known = run.stdout.splitlines()
    assert Path(package_file).resolve().is_relative_to(target.resolve()), package_file
    assert Path(reasons_path).resolve().is_relative_to(target.resolve()), reasons_path
    assert "0001_initial" in known.split(",")


def test_the_command_line_reports_the_one_version(capsys):
    from desktop.cli import parser

    with pytest.raises(SystemExit):
        parser().parse_args(["--version"])
    assert capsys.readouterr().out.strip() == f"practice-desk {desktop.__version__}"
