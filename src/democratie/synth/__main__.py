"""Generate a synthetic nation from the command line and print what it holds.

Usage: ``python -m democratie.synth [--scale 1/4] [--seed 1] [--province Limburg]
[--output nation.json]``.
Exit codes: 0 done, 1 the file could not be written, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

from democratie.errors import WriteError
from democratie.io import dump
from democratie.synth._census import census
from democratie.synth._generate import MAX_SCALE, generate

__all__ = ["main"]


def _scale(text: str) -> Fraction:
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        message = f"expected a number such as 0.25 or 1/4, got {text!r}"
        raise argparse.ArgumentTypeError(message) from None
    if not 0 < value <= MAX_SCALE:
        message = f"the scale must be larger than 0 and at most {MAX_SCALE:g}, got {text}"
        raise argparse.ArgumentTypeError(message)
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m democratie.synth",
        description=(
            "Generate a synthetic landscape of all 342 Dutch municipalities, print how many "
            "entities and references it holds, and optionally write it as JSON."
        ),
    )
    parser.add_argument(
        "--scale",
        type=_scale,
        default=Fraction(1),
        help="size relative to the full nation, such as 0.25 or 1/4 (default: 1)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the random choices (default: 0)"
    )
    parser.add_argument(
        "--province",
        action="append",
        metavar="NAME",
        help="only the municipalities of this province, as in the nation (repeatable)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the landscape to this JSON file (atomically)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code.

    Prints the scale, the seed and the time taken, then the count of every kind of entity and
    of the references between them; with ``--output``, writes the landscape there as JSON
    and says how large the file is. A file that cannot be written is reported on standard
    error, without a traceback, with exit code 1.

    Examples
    --------
    >>> main(["--scale", "1/128", "--seed", "1"])
    synthetic nation at scale 1/128, seed 1, generated in ... s
      municipality        342
      area              1,899
      council             342
      college             342
      faction           2,571
      organisation      2,197
      person           14,982
      role              1,613
      initiative          381
      network              95
      meeting             839
      entities         25,603
      references       70,310
    0
    """
    args = _parser().parse_args(argv)
    scale: Fraction = args.scale
    out = sys.stdout
    started = time.perf_counter()
    try:
        if args.province is None:
            landscape = generate(float(scale), seed=args.seed)
        else:
            landscape = generate(float(scale), seed=args.seed, provinces=args.province)
    except ValueError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    seconds = time.perf_counter() - started
    what = "nation" if args.province is None else f"province {', '.join(args.province)}"
    out.write(
        f"synthetic {what} at scale {scale}, seed {args.seed}, generated in {seconds:.1f} s\n"
    )
    for name, count in census(landscape).as_dict().items():
        out.write(f"  {name:<13}{count:>10,}\n")
    if args.output is not None:
        started = time.perf_counter()
        try:
            text = dump(landscape, args.output, format="json")
        except WriteError as error:
            sys.stderr.write(f"error: {error}\n")
            return 1
        seconds = time.perf_counter() - started
        size = len(text.encode("utf-8")) / 1e6
        out.write(f"wrote {args.output} ({size:,.1f} MB) in {seconds:.1f} s\n")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through the tests' subprocess
    sys.exit(main())
