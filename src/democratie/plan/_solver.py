"""The solver behind the plans: OR-Tools CP-SAT, run so that it is reproducible.

CP-SAT runs with one worker, a fixed random seed and a limit in *deterministic* time
(the solver's own measure of work, about a second a unit on a current machine), so the
same model gives the same answer on every run, also when the limit cuts the search
short. A generous wall-clock limit guards against a machine that is far slower.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from attrs import frozen

from democratie.errors import SolverUnavailableError

__all__ = ["Certificate", "load_cp_model", "load_lp", "solve", "status_name"]

#: How much longer than the deterministic limit the wall clock may run.
_WALL_FACTOR = 4.0


@frozen(kw_only=True)
class Certificate:
    """What the solver proved about a plan.

    Parameters
    ----------
    objective
        The value of the stated objective for the plan returned.
    bound
        The best bound the solver proved: no plan can score above it (for a
        maximisation). Equal to ``objective`` when the plan is optimal.
    optimal
        True when the solver proved that no better plan exists.
    status
        The solver's status: ``OPTIMAL``, ``FEASIBLE`` (a plan, not proven best),
        or ``TRIVIAL`` when there was nothing to choose.

    Examples
    --------
    >>> Certificate(objective=3.5, bound=3.5, optimal=True, status="OPTIMAL").gap
    0.0
    """

    objective: float
    bound: float
    optimal: bool
    status: str

    @property
    def gap(self) -> float:
        """How far the plan may be from the best, as a share of the bound (0 when optimal)."""
        if self.optimal or self.bound == 0:
            return 0.0
        return abs(self.bound - self.objective) / abs(self.bound)


def load_cp_model() -> ModuleType:
    """Import OR-Tools' CP-SAT module, or say how to install it.

    Raises
    ------
    SolverUnavailableError
        When OR-Tools is not installed.

    Examples
    --------
    >>> cp_model = load_cp_model()
    >>> model = cp_model.CpModel()
    >>> x = model.new_int_var(0, 10, "x")
    >>> model.maximize(x)
    >>> solver, status = solve(model, time_limit=1.0, seed=0)
    >>> status_name(status), solver.value(x)
    ('OPTIMAL', 10)
    """
    return _ortools("ortools.sat.python.cp_model")


def load_lp() -> ModuleType:
    """Import OR-Tools' linear solver wrapper (GLOP, for the relaxations), or say how.

    Raises
    ------
    SolverUnavailableError
        When OR-Tools is not installed.

    Examples
    --------
    >>> pywraplp = load_lp()
    >>> lp = pywraplp.Solver.CreateSolver("GLOP")
    >>> x = lp.NumVar(0, 4, "x")
    >>> lp.Maximize(x)
    >>> lp.Solve() == pywraplp.Solver.OPTIMAL, x.solution_value()
    (True, 4.0)
    """
    return _ortools("ortools.linear_solver.pywraplp")


_MODULES = frozenset({"ortools.sat.python.cp_model", "ortools.linear_solver.pywraplp"})


def _ortools(name: str) -> ModuleType:
    if name not in _MODULES:  # only OR-Tools' own modules are ever imported here
        raise ValueError(name)
    try:
        return importlib.import_module(name)
    except ImportError as error:
        message = (
            "this plan needs the OR-Tools solver, which is not installed; "
            "install it with: pip install 'democratie[plan]'"
        )
        raise SolverUnavailableError(message) from error


def solve(model: Any, *, time_limit: float, seed: int) -> tuple[Any, int]:
    """Solve *model* reproducibly; return the solver and its status code.

    Parameters
    ----------
    model
        A ``cp_model.CpModel``.
    time_limit
        The limit in deterministic time units (about seconds).
    seed
        The solver's random seed.

    Examples
    --------
    The same model gives the same answer on every run:

    >>> cp_model = load_cp_model()
    >>> model = cp_model.CpModel()
    >>> x, y = model.new_bool_var("x"), model.new_bool_var("y")
    >>> _ = model.add(x + y == 1)
    >>> model.maximize(2 * x + 3 * y)
    >>> solver, status = solve(model, time_limit=1.0, seed=7)
    >>> status_name(status), solver.value(x), solver.value(y), solver.objective_value
    ('OPTIMAL', 0, 1, 3.0)
    """
    cp_model = load_cp_model()
    solver = cp_model.CpSolver()
    parameters = solver.parameters
    parameters.num_workers = 1
    parameters.random_seed = seed
    parameters.max_deterministic_time = max(time_limit, 0.01)
    parameters.max_time_in_seconds = max(time_limit * _WALL_FACTOR, 1.0)
    # The linear relaxation of the pairwise terms is what proves plans optimal.
    parameters.linearization_level = 2
    status = solver.Solve(model)
    return solver, status


def status_name(status: int) -> str:
    """The name of a CP-SAT status code.

    Examples
    --------
    >>> cp_model = load_cp_model()
    >>> codes = (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.INFEASIBLE)
    >>> [status_name(code) for code in codes]
    ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE']
    """
    cp_model = load_cp_model()
    return str(cp_model.CpSolver().StatusName(status))
