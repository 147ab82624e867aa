"""Stop a rule that runs past its time limit, and leave out the time the graph takes to build.

Where it can (in the main thread, on a system with ``SIGALRM``: Linux, macOS, the BSDs),
a rule is interrupted by a timer signal: an exception the rule does not see as an
``Exception`` is raised wherever it is, a ``time.sleep`` or a loop. Elsewhere (another
thread, Windows), and when the program has an alarm of its own (a ``SIGALRM`` handler
installed or its real-time interval timer running, which are left untouched), it runs in a
thread of its own that is waited for until the limit and then left behind: the scoring goes
on, though the abandoned thread may still run.

While the stakeholder graph is built on a rule's first use of it, the timer is paused:
that time is the run's, not the rule's.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final, TypeVar

__all__: list[str] = []

_T = TypeVar("_T")

#: What :func:`call_within` returns for a call it stopped.
STOPPED: Final = object()


class _Overrun(BaseException):
    """Raised inside a rule when its time is up (not an ``Exception``, so not caught as one)."""


class _Ledger:
    """The pauses of one limited call, kept for the thread that runs it."""

    def __init__(self, timer: bool) -> None:
        self.timer = timer  # limited by the timer signal (else waited for by another thread)
        self.paused = 0.0
        self.pause_started: float | None = None

    def paused_now(self) -> float:
        started = self.pause_started
        return self.paused + (time.perf_counter() - started if started is not None else 0.0)


#: The ledger of the limited call each thread is running, by thread id.
_ledgers: dict[int, _Ledger] = {}


def _can_signal() -> bool:
    if not (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and threading.get_ident() not in _ledgers  # not inside another limited call
    ):
        return False
    # The program's own alarm is left alone: its timer running, or its handler installed.
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(
        signal.SIGALRM
    ) in (signal.SIG_DFL, signal.SIG_IGN, None)


def call_within(seconds: float, function: Callable[[], _T]) -> tuple[Any, float]:
    """Call *function*, stopped after *seconds* of its own time; return (result, seconds).

    The result is :data:`STOPPED` when the call was stopped; the seconds are those the
    call took, without its pauses. Whatever *function* raises goes through.
    """
    start = time.perf_counter()
    if _can_signal():
        ledger = _Ledger(timer=True)
        result = _with_timer(seconds, function, ledger)
    else:
        ledger = _Ledger(timer=False)
        result = _in_thread(seconds, function, ledger)
    return result, time.perf_counter() - start - ledger.paused


def _raise_overrun(signum: int, frame: object) -> None:
    raise _Overrun


def _with_timer(seconds: float, function: Callable[[], _T], ledger: _Ledger) -> Any:
    me = threading.get_ident()
    previous = signal.signal(signal.SIGALRM, _raise_overrun)
    try:
        try:
            _ledgers[me] = ledger
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return function()
        finally:
            # The timer may fire up to here; it is caught below, as a stop.
            signal.setitimer(signal.ITIMER_REAL, 0)
            del _ledgers[me]
    except _Overrun:
        return STOPPED
    finally:
        signal.signal(signal.SIGALRM, previous)


def _in_thread(seconds: float, function: Callable[[], _T], ledger: _Ledger) -> Any:
    box: dict[str, Any] = {}

    def target() -> None:
        _ledgers[threading.get_ident()] = ledger
        try:
            box["result"] = function()
        except BaseException as error:  # handed to the waiting thread, raised there
            box["error"] = error
        finally:
            del _ledgers[threading.get_ident()]

    worker = threading.Thread(target=target, name="democratie-rule", daemon=True)
    start = time.perf_counter()
    worker.start()
    while worker.is_alive():
        left = seconds - (time.perf_counter() - start - ledger.paused_now())
        if left <= 0:
            return STOPPED
        worker.join(min(left, 0.05))
    if "error" in box:
        raise box["error"]
    return box["result"]


@contextmanager
def paused() -> Iterator[None]:
    """Pause the time limit of the rule this thread runs (if any) while the block runs."""
    ledger = _ledgers.get(threading.get_ident())
    if ledger is None:
        yield
        return
    remaining = signal.setitimer(signal.ITIMER_REAL, 0)[0] if ledger.timer else 0.0
    ledger.pause_started = time.perf_counter()
    try:
        yield
    finally:
        ledger.paused = ledger.paused_now()
        ledger.pause_started = None
        if remaining > 0:
            signal.setitimer(signal.ITIMER_REAL, remaining)
