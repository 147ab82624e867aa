"""The five seed scenarios that ship with ``democratie``, as landscape files.

Each comes from a real Dutch text about democratic renewal:

========================================  ==================================================
file                                      scenario
========================================  ==================================================
``delft-zeven-van-delft.toml``            Delft, "De zeven van Delft"
``m50-leerkring-waalwijk.toml``           the M50 learning circle, kick-off in Waalwijk 2020
``leusden-samenleving-voorop.toml``       Leusden, "Samenleving Voorop"
``stichtse-vecht-gebiedsgericht-werken``  Stichtse Vecht, gebiedsgericht werken 2022
``democratie-in-actie-noord-nederland``   VNG Democratie in Actie, Noord-Nederland
========================================  ==================================================

Examples
--------
>>> from democratie import examples
>>> [path.stem for path in examples.paths()][:2]
['delft-zeven-van-delft', 'm50-leerkring-waalwijk']
>>> examples.load("leusden-samenleving-voorop").get("leusden").name
'Leusden'

:data:`NAMES` lists them, in the order of the table:

>>> examples.NAMES[-1]
'democratie-in-actie-noord-nederland'
>>> {name: len(examples.load(name).municipalities) for name in examples.NAMES[:3]}
{'delft-zeven-van-delft': 2, 'm50-leerkring-waalwijk': 12, 'leusden-samenleving-voorop': 1}
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from democratie.io import load as _load
from democratie.model import Landscape

__all__ = ["NAMES", "load", "path", "paths"]

#: The names of the bundled examples, in the order of their seed texts.
NAMES: tuple[str, ...] = (
    "delft-zeven-van-delft",
    "m50-leerkring-waalwijk",
    "leusden-samenleving-voorop",
    "stichtse-vecht-gebiedsgericht-werken",
    "democratie-in-actie-noord-nederland",
)


def _folder() -> Path:
    installed = Path(str(files("democratie"))) / "_examples"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "examples"


def path(name: str) -> Path:
    """The file of the bundled example called *name* (with or without ``.toml``).

    Raises
    ------
    KeyError
        When there is no bundled example of that name.

    Examples
    --------
    >>> path("leusden-samenleving-voorop").name
    'leusden-samenleving-voorop.toml'
    >>> path("m50-leerkring-waalwijk.toml") == path("m50-leerkring-waalwijk")
    True
    >>> path("utrecht")
    Traceback (most recent call last):
        ...
    KeyError: "no bundled example named 'utrecht'; the examples are: delft-zeven-van-delft, ..."
    """
    stem = name.removesuffix(".toml")
    if stem not in NAMES:
        message = f"no bundled example named {name!r}; the examples are: {', '.join(NAMES)}"
        raise KeyError(message)
    return _folder() / f"{stem}.toml"


def paths() -> tuple[Path, ...]:
    """The files of all bundled examples, in the order of :data:`NAMES`.

    Examples
    --------
    >>> [p.suffix for p in paths()]
    ['.toml', '.toml', '.toml', '.toml', '.toml']
    >>> all(p.is_file() for p in paths())
    True
    """
    return tuple(path(name) for name in NAMES)


def load(name: str) -> Landscape:
    """Load the bundled example called *name*.

    Examples
    --------
    >>> land = load("m50-leerkring-waalwijk")
    >>> land.get("waalwijk").province
    'Noord-Brabant'
    >>> len(land.networks)
    2
    """
    return _load(path(name))
