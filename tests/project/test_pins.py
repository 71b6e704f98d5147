"""The pinned requirements can never bring in MkDocs 2, which drops plugins and `hooks:` (the
whole adapter): every requirement is pinned with ==, mkdocs to a 1.x, no pinned package asks
for an mkdocs the pin does not satisfy, and the mkdocs installed is the pinned 1.x. Each check
is a function of its inputs, so the planted files below show that each can fail."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import REPO

REQUIREMENTS = REPO / "requirements-dev.txt"  # what `make test` installs; it includes requirements.txt


def read_pins(path: Path, problems: list[str]) -> dict[str, str]:
    """Package name -> pinned version, from a requirements file and the files it includes (-r);
    every line that is not an exact pin is added to `problems`."""
    pins: dict[str, str] = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        text = line.partition("#")[0].strip()
        if text.startswith("-r "):
            pins |= read_pins(path.parent / text.removeprefix("-r ").strip(), problems)
        elif text:
            version = exact_pin(text)
            if version is None:
                problems.append(f"{path.name}:{number}: {text!r} is not pinned with == to one version")
            else:
                pins[canonicalize_name(Requirement(text).name)] = version
    return pins


def exact_pin(text: str) -> str | None:
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    specifiers = list(requirement.specifier)
    exact = len(specifiers) == 1 and specifiers[0].operator == "==" and "*" not in specifiers[0].version
    return specifiers[0].version if exact and not requirement.url else None


def mkdocs_pin_problems(pins: dict[str, str]) -> list[str]:
    if "mkdocs" not in pins:
        return ["mkdocs is not pinned"]
    return [] if Version(pins["mkdocs"]).major == 1 else [f"mkdocs is pinned to {pins['mkdocs']}, not a 1.x"]


def demands_on_mkdocs(pins: dict[str, str], distribution_of: Callable[[str], Distribution]) -> list[str]:
    """Each pinned package's installed Requires-Dist on mkdocs (extras not asked for are left out)
    that the pinned mkdocs does not satisfy (none, if mkdocs is not pinned: mkdocs_pin_problems says so)."""
    wrong = []
    if "mkdocs" not in pins:
        return wrong
    for name in sorted(pins):
        for line in distribution_of(name).requires or []:
            requirement = Requirement(line)
            applies = requirement.marker is None or requirement.marker.evaluate({"extra": ""})
            if canonicalize_name(requirement.name) == "mkdocs" and applies \
                    and not requirement.specifier.contains(pins["mkdocs"], prereleases=True):
                wrong.append(f"{name} requires {line!r}; mkdocs is pinned to {pins['mkdocs']}")
    return wrong


def installed_problems(pins: dict[str, str], installed: Iterable[tuple[str, str | None]]) -> list[str]:
    """The engines as installed (None: not installed), against their pins; mkdocs must be a 1.x."""
    problems = []
    for name, version in installed:
        if version is None:
            problems.append(f"{name} is not installed (pinned: {pins.get(name)})")
        elif name not in pins:
            problems.append(f"{name} {version} is installed but not pinned")
        elif version != pins.get(name):
            problems.append(f"{name} {version} is installed, not the pinned {pins.get(name)}")
        elif name == "mkdocs" and Version(version).major != 1:
            problems.append(f"mkdocs {version} is installed: not a 1.x")
    return problems


def pins_and_problems(path: Path = REQUIREMENTS) -> tuple[dict[str, str], list[str]]:
    problems: list[str] = []
    pins = read_pins(path, problems)
    return pins, problems


def test_every_requirement_is_pinned_exactly():
    pins, problems = pins_and_problems()
    assert problems == []
    assert {"mkdocs", "properdocs", "mkdocs-material", "pytest"} <= pins.keys()  # both files were read


def test_mkdocs_is_pinned_to_a_1x():
    assert mkdocs_pin_problems(pins_and_problems()[0]) == []


def test_no_pinned_package_requires_an_mkdocs_the_pin_does_not_satisfy():
    pins = pins_and_problems()[0]
    assert demands_on_mkdocs(pins, distribution) == []
    assert any(canonicalize_name(Requirement(line).name) == "mkdocs"  # Material's mkdocs<2 was read
               for line in distribution("mkdocs-material").requires or [])


def test_the_installed_engines_are_the_pinned_ones():
    """Asked of the packages themselves, in a fresh interpreter: `import mkdocs` is MkDocs 1."""
    code = "import mkdocs, properdocs; print(mkdocs.__version__, properdocs.__version__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    mkdocs_version, properdocs_version = result.stdout.split()
    installed = [("mkdocs", mkdocs_version), ("properdocs", properdocs_version)]
    assert installed_problems(pins_and_problems()[0], installed) == []


# --- The same checks can fail ------------------------------------------------------------------------

def test_a_requirement_not_pinned_exactly_is_found(tmp_path: Path):
    (tmp_path / "base.txt").write_text("mkdocs==1.6.1\nmkdocs-material>=9.8  # a floor\nnh3\n")
    (tmp_path / "dev.txt").write_text("-r base.txt\npytest==9.*\nruff == 0.17.6\n")
    pins, problems = pins_and_problems(tmp_path / "dev.txt")
    assert problems == ["base.txt:2: 'mkdocs-material>=9.8' is not pinned with == to one version",
                        "base.txt:3: 'nh3' is not pinned with == to one version",
                        "dev.txt:2: 'pytest==9.*' is not pinned with == to one version"]
    assert pins == {"mkdocs": "1.6.1", "ruff": "0.17.6"}


def test_an_mkdocs_2_pin_is_found(tmp_path: Path):
    (tmp_path / "requirements.txt").write_text("mkdocs==2.0.0\n")
    assert mkdocs_pin_problems(pins_and_problems(tmp_path / "requirements.txt")[0]) == [
        "mkdocs is pinned to 2.0.0, not a 1.x"]
    assert mkdocs_pin_problems({"properdocs": "1.6.7"}) == ["mkdocs is not pinned"]


def fake_distribution(folder: Path, name: str, requires: list[str]) -> Distribution:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\n" f"Name: {name}\nVersion: 1.0\n"
                                   + "".join(f"Requires-Dist: {line}\n" for line in requires))
    return Distribution.at(info)


def test_a_package_that_requires_mkdocs_2_is_found(tmp_path: Path):
    fakes = {"some-plugin": fake_distribution(tmp_path, "some-plugin", ["mkdocs>=2.0", "click>=7"]),
             "fine": fake_distribution(tmp_path, "fine", ["mkdocs<2,>=1.6", "mkdocs>=3; extra == 'future'"]),
             "mkdocs": fake_distribution(tmp_path, "mkdocs", [])}

    def distribution_of(name: str) -> Distribution:
        if name not in fakes:
            raise PackageNotFoundError(name)
        return fakes[name]

    pins = {"some-plugin": "1.0", "fine": "1.0", "mkdocs": "1.6.1"}
    assert demands_on_mkdocs(pins, distribution_of) == [
        "some-plugin requires 'mkdocs>=2.0'; mkdocs is pinned to 1.6.1"]


def test_an_installed_mkdocs_2_is_found():
    pins = {"mkdocs": "1.6.1", "properdocs": "1.6.7"}
    assert installed_problems(pins, [("mkdocs", "2.0.0"), ("properdocs", "1.6.7")]) == [
        "mkdocs 2.0.0 is installed, not the pinned 1.6.1"]
    assert installed_problems({"mkdocs": "2.0.0"}, [("mkdocs", "2.0.0")]) == ["mkdocs 2.0.0 is installed: not a 1.x"]
    assert installed_problems(pins, [("properdocs", None)]) == ["properdocs is not installed (pinned: 1.6.7)"]
    assert installed_problems({}, [("mkdocs", "1.6.1")]) == ["mkdocs 1.6.1 is installed but not pinned"]
