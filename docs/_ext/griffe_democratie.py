"""A griffe extension that teaches the API reference about how democratie is written.

mkdocstrings reads the package by static analysis. This extension, listed under
``extensions`` in ``mkdocs.yml``, fills in three things static analysis cannot see:

- the ``__init__`` that attrs generates for ``@frozen`` / ``@define`` classes, so the
  signature and the Parameters table of every model class are complete;
- the ``#:`` comments above module constants (``FORMAT_VERSION``), read as their docstrings;
- the Sphinx roles of numpy-style docstrings (``:class:`Landscape```, ``:func:`~democratie.load```),
  turned into cross-references that link to the API page where the target is documented
  and stay plain code where it is not (the standard library, a package not yet documented).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ATTRS_DECORATORS = frozenset(
    {
        "attrs.frozen",
        "attrs.define",
        "attrs.mutable",
        "attr.frozen",
        "attr.define",
        "attr.mutable",
        "attr.s",
        "attr.attrs",
    }
)
_ATTRS_FIELDS = frozenset({"attrs.field", "attr.field", "attr.ib", "attr.attrib"})
_FACTORIES = frozenset({"attrs.Factory", "attr.Factory"})
_COMBINED = re.compile(r"(\w+(?:, \w+)+)")
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([\w.]+)`")


def _call_arguments(expr: object) -> dict[str, Any]:
    if not isinstance(expr, griffe.ExprCall):
        return {}
    found: dict[str, Any] = {}
    for position, argument in enumerate(expr.arguments):
        if isinstance(argument, griffe.ExprKeyword):
            found[argument.name] = argument.value
        else:
            found[f"#{position}"] = argument
    return found


def _is_call_to(expr: object, paths: frozenset[str]) -> bool:
    return isinstance(expr, griffe.ExprCall) and expr.function.canonical_path in paths


def _default(value: object) -> str | griffe.Expr | None:
    """The default to show in the signature, from the right-hand side of an attrs field."""
    if value is None:
        return None
    if _is_call_to(value, _ATTRS_FIELDS):
        arguments = _call_arguments(value)
        if "factory" in arguments:
            return f"{arguments['factory']}()"
        value = arguments.get("default")
        if value is None:
            return None
    if _is_call_to(value, _FACTORIES):
        arguments = _call_arguments(value)
        if str(arguments.get("takes_self", "False")) == "True":
            return "<derived>"
        return f"{arguments['#0']}()"
    if isinstance(value, (str, griffe.Expr)):
        return value
    return str(value)


def _attrs_decorator(cls: griffe.Class) -> griffe.Expr | str | None:
    for decorator in cls.decorators:
        expr = decorator.value
        function = expr.function if isinstance(expr, griffe.ExprCall) else expr
        if getattr(function, "canonical_path", None) in _ATTRS_DECORATORS:
            return expr
    return None


def _attrs_init(cls: griffe.Class) -> griffe.Function | None:
    """The ``__init__`` attrs generates: one parameter per field, in order."""
    decorator = _attrs_decorator(cls)
    if decorator is None:
        return None
    kw_only = str(_call_arguments(decorator).get("kw_only", "False")) == "True"
    kind = griffe.ParameterKind("keyword-only" if kw_only else "positional or keyword")
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind("positional or keyword"))]
    for member in cls.members.values():
        if member.is_alias or not isinstance(member, griffe.Attribute):
            continue
        if member.annotation is None or "property" in member.labels:
            continue
        if "class-attribute" in member.labels and "instance-attribute" not in member.labels:
            continue  # a ClassVar
        if (
            _is_call_to(member.value, _ATTRS_FIELDS)
            and str(_call_arguments(member.value).get("init", "True")) == "False"
        ):
            continue
        name = member.name.lstrip("_")
        default = _default(member.value)
        parameters.append(
            griffe.Parameter(
                name,
                annotation=member.annotation,
                kind=kind,
                default=default,
            )
        )
    return griffe.Function(
        "__init__",
        lineno=cls.lineno,
        endlineno=cls.lineno,
        parent=cls,
        parameters=griffe.Parameters(*parameters),
        returns="None",
    )


def _comment_docstring(attribute: griffe.Attribute) -> None:
    """Read ``#:`` comment lines right above a module attribute as its docstring."""
    if attribute.docstring is not None or attribute.lineno is None:
        return
    module = attribute.module
    lines = module.lines
    number = attribute.lineno - 2
    comment: list[str] = []
    while number >= 0 and lines[number].lstrip().startswith("#:"):
        comment.insert(0, lines[number].lstrip()[2:].strip())
        number -= 1
    if comment:
        attribute.docstring = griffe.Docstring(
            "\n".join(comment), lineno=number + 2, parent=attribute
        )


def _split_combined_parameters(text: str) -> str:
    """Give ``start, end`` in a Parameters section one entry per name.

    griffe gives every name of a combined entry the type and default of the first.
    """
    lines = text.splitlines()
    out: list[str] = []
    section = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        underline = lines[index + 1] if index + 1 < len(lines) else ""
        if line and not line.startswith(" ") and underline and set(underline) == {"-"}:
            section = line.strip()
        elif section == "Parameters" and _COMBINED.fullmatch(line):
            body: list[str] = []
            while index + 1 < len(lines) and (
                lines[index + 1].startswith(" ") or not lines[index + 1].strip()
            ):
                if not lines[index + 1].strip() and not (
                    index + 2 < len(lines) and lines[index + 2].startswith(" ")
                ):
                    break
                index += 1
                body.append(lines[index])
            for name in line.split(", "):
                out.extend([name, *body])
            index += 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


def _link_roles(obj: griffe.Object) -> None:
    docstring = obj.docstring
    if docstring is None:
        return
    if ", " in docstring.value:
        docstring.value = _split_combined_parameters(docstring.value)
    if ":" not in docstring.value:
        return

    def replace(match: re.Match[str]) -> str:
        short, target = match.group(1) == "~", match.group(2)
        shown = target.rsplit(".", 1)[-1] if short else target
        path = _resolve(obj, target)
        if path is None:
            return f"`{shown}`"
        return f'<autoref identifier="{path}" optional><code>{shown}</code></autoref>'

    docstring.value = _ROLE.sub(replace, docstring.value)


def _resolve(obj: griffe.Object, target: str) -> str | None:
    head, _, rest = target.partition(".")
    scope: griffe.Object | None = obj
    while scope is not None:
        try:
            path = scope.resolve(head)
        except griffe.NameResolutionError:
            scope = scope.parent
            continue
        return f"{path}.{rest}" if rest else path
    if target.startswith("democratie."):
        return target
    return None


def _walk(obj: griffe.Object, seen: set[str]) -> None:
    if obj.path in seen:
        return
    seen.add(obj.path)
    if isinstance(obj, griffe.Class) and "__init__" not in obj.members:
        init = _attrs_init(obj)
        if init is not None:
            obj.set_member("__init__", init)
    if isinstance(obj, griffe.Attribute):
        _comment_docstring(obj)
    _link_roles(obj)
    for member in list(obj.members.values()):
        if isinstance(member, griffe.Object):
            _walk(member, seen)


class DemocratieDocs(griffe.Extension):
    """Complete attrs signatures, ``#:`` comments and Sphinx cross-references."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Process the whole package once it is loaded."""
        _walk(pkg, set())
