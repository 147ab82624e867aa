"""The lines of the report's header that say when it was made and by which version.

The library's version is always shown; the day the report was made only when it is
given, so that the same input gives the same page, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version

from democratie.report._html import esc, tag
from democratie.report._text import Text

__all__ = ["header_lines", "library_version"]

_MADE = {"nl": "Gemaakt op {date}.", "en": "Made on {date}."}
_VERSION = {"nl": "democratie, versie {version}.", "en": "democratie, version {version}."}


def library_version() -> str:
    """The installed version of democratie, as ``democratie.__version__`` gives it.

    Examples
    --------
    >>> library_version().count(".") >= 1 or library_version() == "0+unknown"
    True
    """
    try:
        return version("democratie")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def header_lines(text: Text, *, made: dt.date | None, as_of: dt.date | None) -> str:
    """The header's lines after the day spoken of: the day made, when given, and the version.

    Examples
    --------
    >>> import datetime as dt
    >>> html = header_lines(Text("en"), made=dt.date(2026, 12, 7), as_of=None)
    >>> "Made on 7 December 2026." in html, 'version">democratie, version' in html
    (True, True)
    """
    lang = text.lang
    made_line = ""
    if made is not None:
        made_line = tag("p", esc(_MADE[lang].format(date=text.date(made))), class_="subtitle")
    version_line = tag(
        "p", esc(_VERSION[lang].format(version=library_version())), class_="subtitle version"
    )
    return made_line + version_line
