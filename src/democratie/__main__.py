"""Run the command line: ``python -m democratie``."""

import sys

from democratie.cli import main

if __name__ == "__main__":
    sys.exit(main())
