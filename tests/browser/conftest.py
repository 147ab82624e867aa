"""Fixtures of the browser tests: a headless Chromium driven by Playwright.

The browser tests open the HTML reports in a real browser. They need Debian's ``chromium``
package (``/usr/bin/chromium``, or the file ``DEMOCRATIE_CHROMIUM`` names) and Playwright's
Python package, which drives that browser: Playwright's own browser download is never used.
Without either, the tests are skipped with the reason, so that a plain ``pytest`` needs no
browser; with ``DEMOCRATIE_BROWSER_REQUIRED=1`` (as ``nox -s browser`` and CI set it) they
fail instead, so a missing browser can never pass for a green run.

Screenshots (and the reports they show) are saved in ``browser-screenshots/`` at the root
of the project, or in the folder ``DEMOCRATIE_SCREENSHOTS`` names.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]

#: Chromium's switches for a machine without a display, sandbox or outside network.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: opens reports in headless Chromium (skipped without one)"
    )


def _required() -> bool:
    return os.environ.get("DEMOCRATIE_BROWSER_REQUIRED", "") not in ("", "0")


def _unavailable(reason: str) -> NoReturn:
    if _required():
        pytest.fail(f"{reason} (DEMOCRATIE_BROWSER_REQUIRED is set)", pytrace=False)
    pytest.skip(reason)


def find_chromium() -> str | None:
    """The Chromium to test with: ``DEMOCRATIE_CHROMIUM``, else Debian's, else on the PATH."""
    named = os.environ.get("DEMOCRATIE_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder the screenshots and the reports they show are saved in."""
    folder = Path(os.environ.get("DEMOCRATIE_SCREENSHOTS") or ROOT / "browser-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A headless Chromium, shared by the tests of a session."""
    executable = find_chromium()
    if executable is None:
        _unavailable(
            "no Chromium found: install Debian's chromium package (/usr/bin/chromium) "
            "or set DEMOCRATIE_CHROMIUM"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install playwright (no browser download)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=list(CHROMIUM_ARGS), timeout=60_000
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page at 1280 by 900 pixels, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()
