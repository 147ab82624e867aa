"""Reading and writing landscape documents: JSON and TOML, and the JSON Schema.

One configured cattrs converter (:data:`converter`) turns documents into model
objects and back. :func:`load` takes a fast path and, only when it fails,
structures the document again with detailed validation to report every
problem, located, in one :class:`~democratie.errors.LoadError`: up to
:data:`MAX_PROBLEMS` of them, the rest counted.
"""

from democratie.io._converter import converter, detailed_converter
from democratie.io._dump import dump, dumps, unstructure
from democratie.io._load import (
    FORMAT_VERSION,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_PROBLEMS,
    Format,
    detect_format,
    load,
    load_stream,
    loads,
    parse,
    structure,
)
from democratie.io._schema import json_schema

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_PROBLEMS",
    "Format",
    "converter",
    "detailed_converter",
    "detect_format",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "load_stream",
    "loads",
    "parse",
    "structure",
    "unstructure",
]
