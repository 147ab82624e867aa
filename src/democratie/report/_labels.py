"""Readable labels for the field names and fact names the report shows, in Dutch and English.

The rules explain themselves in prose that names the fields to record (``required_commitments``,
``period.start``) and list the facts they used by short dotted names (``ties.external``,
``target_roles.gemeentesecretaris``). A reader of the report sees the label first, in the
page's language; the name follows as a small muted ``<code class="key">`` for whoever writes
the landscape's TOML.

- :data:`FIELDS` holds the labels, by field or fact name;
- :func:`label` gives the label of a name (a readable fallback for one it does not know);
- :func:`prose_html` writes a rule's sentence with the names it mentions labelled;
- :func:`fact_html` and :func:`value_text` write one piece of evidence;
- :func:`measures_in` finds the measures of the glossary that a sentence or a fact names.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final, Literal

from democratie.report._html import WEB_ADDRESS, esc, linked, tag
from democratie.report._text import Text
from democratie.scoring import Scalar
from democratie.vocab import (
    VOCABULARIES,
    AreaLevel,
    CommitmentKind,
    CommitmentLevel,
    GovernmentRole,
    Initiator,
    MendelowQuadrant,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    RoleKind,
    SalienceClass,
    ServiceGoal,
    Term,
)

__all__ = ["FIELDS", "fact_html", "key_html", "label", "measures_in", "prose_html", "value_text"]

#: Per field or fact name: its label in Dutch and in English, lower case as in a sentence.
FIELDS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        # Fields of the landscape that the rules ask to record.
        "areas": ("gebieden", "areas"),
        "as_of": ("peildatum", "day of the report"),
        "assessment": ("beoordeling", "assessment"),
        "assignments": ("toewijzingen", "assignments"),
        "at": ("bij", "at"),
        "baseline": ("nulmeting", "baseline"),
        "commitments": ("toezeggingen", "commitments"),
        "covers_all": ("alle gebieden van een niveau", "every area of a level"),
        "cycle": ("cyclus", "cycle"),
        "domains": ("domeinen", "domains"),
        "due": ("uiterlijke datum", "due date"),
        "due_within_months": ("termijn in maanden", "months to complete"),
        "duration_months": ("looptijd in maanden", "duration in months"),
        "elements": ("onderdelen", "elements"),
        "evaluations": ("evaluaties", "evaluations"),
        "feedback_given": ("terugkoppeling gegeven", "feedback given"),
        "government_role": ("rol van de gemeente", "role of the municipality"),
        "held": ("gehouden", "held"),
        "host": ("gastgemeente", "host"),
        "indicators": ("indicatoren", "indicators"),
        "initiated_by": ("gestart door", "started by"),
        "initiator": ("initiatiefnemer", "initiator"),
        "intakes": ("intakes", "intakes"),
        "interest": ("belang", "interest"),
        "kern_count": ("aantal kernen", "number of kernen"),
        "led_by": ("geleid door", "led by"),
        "legitimacy": ("legitimiteit", "legitimacy"),
        "lessons": ("lessen", "lessons"),
        "level": ("trede van de participatieladder", "rung of the participation ladder"),
        "meetings": ("bijeenkomsten", "meetings"),
        "members": ("leden", "members"),
        "milestones": ("mijlpalen", "milestones"),
        "municipalities": ("gemeenten", "municipalities"),
        "network": ("netwerk", "network"),
        "on_behalf_of": ("namens", "on behalf of"),
        "participants": ("deelnemers", "participants"),
        "period": ("periode", "period"),
        "period.end": ("einddatum", "end date"),
        "period.start": ("startdatum", "start date"),
        "phases": ("fasen", "phases"),
        "power": ("macht", "power"),
        "realised_level": ("gerealiseerde trede", "rung reached"),
        "required_commitments": ("vereiste toezeggingen", "required commitments"),
        "required_domains": ("vereiste domeinen", "required domains"),
        "roles": ("rollen", "roles"),
        "sector": ("sector", "sector"),
        "service_goals": ("dienstverleningsdoelen", "service goals"),
        "target": ("streefwaarde", "target"),
        "target_municipalities": ("beoogd aantal gemeenten", "municipalities aimed for"),
        "target_roles": ("doelrollen", "target roles"),
        "tasks": ("taken", "tasks"),
        "transfers": ("doorgegeven lessen", "lessons passed on"),
        "adopted": ("overgenomen", "adopted"),
        "urgency": ("urgentie", "urgency"),
        "wijk_count": ("aantal wijken", "number of wijken"),
        # Facts the rules list as their evidence.
        "articulation_point": ("kwetsbaar punt", "single point of failure"),
        "betweenness": ("tussenpositie", "betweenness"),
        "brokerage": ("verbinderswaarde", "brokerage"),
        "called_for": ("gevraagde rol", "role called for"),
        "carried_by": ("gedragen door", "carried by"),
        "champion_score": ("VoteRank-score", "VoteRank score"),
        "change_officers": ("pool van veranderambtenaren", "pool of change officers"),
        "closing": ("slotbijeenkomst", "closing meeting"),
        "cohort": ("ingeschreven gemeenten", "municipalities enrolled"),
        "constraint": ("beperking (Burt)", "constraint (Burt)"),
        "duration": ("looptijd in maanden", "duration in months"),
        "evaluation_moments": ("evaluatiemomenten", "evaluation moments"),
        "evaluation_moments.covered": ("gedekte evaluatiemomenten", "evaluation moments covered"),
        "evenness": ("gelijkmatigheid", "evenness"),
        "intake": ("lokale intake", "local intake"),
        "internal_actors": (
            "mensen en rollen binnen de organisatie",
            "people and roles inside the organisation",
        ),
        "maatwerk": ("lokaal maatwerk", "tailored local support"),
        "meetings.held": ("gehouden bijeenkomsten", "meetings held"),
        "meetings.held_without_host": ("gehouden zonder gastgemeente", "held without a host"),
        "meetings.hosted": ("bijeenkomsten als gastgemeente", "meetings hosted"),
        "minimum": ("minimale trede", "lowest rung called for"),
        "on_track": ("op koers", "on track"),
        "phases.arranged": ("ingerichte fasen", "phases arranged"),
        "phases.unrecorded": ("fasen zonder vastgelegde deelnemers", "phases without participants"),
        "quadrant": ("kwadrant (Mendelow)", "quadrant (Mendelow)"),
        "recorded": ("vastgelegd", "recorded"),
        "regional_meetings": ("gehouden regionale bijeenkomsten", "regional meetings held"),
        "salience": ("saillantie", "salience"),
        "sectors.groups": ("groepen van sectoren", "groups of sectors"),
        "sectors.present": ("aanwezige sectoren", "sectors present"),
        "shared": ("gedeeld", "shared"),
        "ties.external": ("banden naar buiten", "ties outward"),
        "ties.internal": ("banden binnen", "ties inside"),
        "transfers.adopted": ("overgenomen", "adopted"),
        "transfers.not_adopted": ("niet overgenomen", "not adopted"),
        "transfers.unknown": ("onbekend of overgenomen", "not known whether adopted"),
    }
)

#: A fact ``PREFIX.SUFFIX`` whose suffix names something: the prefix's label, one of each.
_PREFIXES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "areas": ("gebied", "area"),
        "commitment": ("toezegging", "commitment"),
        "evaluation_moments": ("evaluatiemoment", "evaluation moment"),
        "milestones": ("mijlpaal", "milestone"),
        "phases": ("fase", "phase"),
        "target_roles": ("doelrol", "target role"),
        "tasks": ("taak", "task"),
    }
)

#: The vocabulary of the values of a fact (by its name, or the prefix of its name).
_VALUES: Final[Mapping[str, type[Term]]] = MappingProxyType(
    {
        "called_for": GovernmentRole,
        "commitment": CommitmentLevel,
        "cycle": PhaseCycle,
        "domains": PolicyDomain,
        "government_role": GovernmentRole,
        "initiator": Initiator,
        "level": ParticipationLevel,
        "minimum": ParticipationLevel,
        "phases.arranged": Phase,
        "quadrant": MendelowQuadrant,
        "realised_level": ParticipationLevel,
        "required_domains": PolicyDomain,
        "salience": SalienceClass,
        "service_goals": ServiceGoal,
    }
)

#: Values the rules write in words of their own.
_WORDS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "met": ("gegeven", "given"),
        "no intake": ("geen intake", "no intake"),
        "intake not held": ("intake niet gehouden", "intake not held"),
        "none": ("geen", "none"),
        "-": ("—", "—"),
    }
)

#: The vocabularies that name a suffix of a fact, by the fact's prefix.
_SUFFIXES: Final[Mapping[str, type[Term]]] = MappingProxyType(
    {"commitment": CommitmentKind, "phases": Phase, "target_roles": RoleKind}
)

#: Per measure of the glossary: the words that name it in a sentence, and the facts.
_MEASURE_WORDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "ei_index": ("e-i-index", "e-i index"),
        "eigenvector": ("eigenvector",),
        "voterank": ("voterank",),
        "articulation": (
            "kwetsbaar punt",
            "kwetsbare punt",
            "single point of failure",
            "articulation point",
            "articulatiepunt",
        ),
        "betweenness": ("betweenness", "tussenpositie"),
        "constraint": ("constraint (burt)", "beperking (burt)", "burt's constraint"),
        "effective_size": ("effective size", "effectieve omvang"),
        "mendelow": ("mendelow", "macht-belangraster", "power-interest grid"),
        "salience": ("saillantie", "salience"),
    }
)
_MEASURE_FACTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "champion_score": "voterank",
        "articulation_point": "articulation",
        "betweenness": "betweenness",
        "constraint": "constraint",
        "quadrant": "mendelow",
        "salience": "salience",
    }
)

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_.][a-z0-9]+)*")
_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_PIECES = re.compile(r",\s*|\s+(?:and|en|or|of)\s+")
#: Words after which a single word that is a field name is that field: "under areas".
_BEFORE: Final = frozenset({"under", "onder", "leg", "record", "tabel", "with", "met"})
#: A single word that is a field name only next to another: "at or on_behalf_of".
_PAIRED: Final = re.compile(r"\s+(?:or|of)\s+(?:on_behalf_of|due_within_months)\b")
_INDEX = re.compile(r"([a-z_]+)\[(\d+)\]")


def _lang(lang: str) -> int:
    return 0 if lang == "nl" else 1


def _humane(name: str) -> str:
    return re.sub(r"[_.]+", " ", name).strip()


def label(name: str, lang: str) -> str:
    """The label of a field or fact name in *lang*; a name it does not know, in words.

    Examples
    --------
    >>> label("required_commitments", "nl"), label("period.start", "en")
    ('vereiste toezeggingen', 'start date')
    >>> label("some_plugin_fact", "en")
    'some plugin fact'
    """
    found = FIELDS.get(name)
    return found[_lang(lang)] if found else _humane(name)


def key_html(name: str, lang: str, *, shown: str | None = None) -> str:
    """A name as the report shows it: its label, then the name as a small muted code.

    The code is left out when the label is the name itself. *shown* replaces the label.

    Examples
    --------
    >>> key_html("target_roles", "nl")
    'doelrollen <code class="key">target_roles</code>'
    >>> key_html("participants", "en")
    'participants'
    """
    text = label(name, lang) if shown is None else shown
    if text.casefold() == name.casefold():
        return esc(text)
    return esc(text) + " " + tag("code", esc(name), class_="key")


def _parenthesised(text: str) -> list[tuple[int, int]]:
    """The spans of the innermost parenthesised parts of *text*, without the parentheses."""
    spans = []
    opened: list[int] = []
    for i, char in enumerate(text):
        if char == "(":
            opened.append(i + 1)
        elif char == ")" and opened:
            spans.append((opened.pop(), i))
    return spans


def _alone_in_parentheses(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether text[start:end] is a whole item of a parenthesised list: "(cycle, phases)"."""
    inner = [s for s in spans if s[0] <= start and end <= s[1]]
    if not inner:
        return False
    low, high = max(inner)
    cuts = [low, *(p for m in _PIECES.finditer(text, low, high) for p in m.span()), high]
    pieces = list(zip(cuts[::2], cuts[1::2], strict=True))
    return any(text[a:b].strip() == text[start:end] for a, b in pieces if a <= start < b)


def prose_html(text: str, lang: str, names: re.Pattern[str] | None = None) -> str:
    """A rule's sentence as HTML, with the field names it mentions labelled.

    Every name with an underscore or a known dotted name is labelled; a single word that is
    a field name (``phases``) only where it stands for the field: alone in a parenthesised
    list, after "under" or "leg", or beside another name ("at or on_behalf_of"). A name in
    parentheses right after its own label keeps just the muted code, and so does a name with
    an underscore that :data:`FIELDS` does not know (a plugin's field, or an id): it is
    marked as a name, not guessed at. Web addresses become links, whatever they hold. With
    *names* (a pattern of :func:`~democratie.report._html.isolating`), the names it finds in
    the rest of the text are put in ``<bdi>``.

    Examples
    --------
    >>> prose_html("Record them (required_commitments).", "nl")
    'Record them (vereiste toezeggingen <code class="key">required_commitments</code>).'
    >>> prose_html("Geen doelrollen (target_roles) of fasen (cycle, phases).", "nl")
    'Geen doelrollen (<code class="key">target_roles</code>) of fasen (cyclus <code \
class="key">cycle</code>, fasen <code class="key">phases</code>).'
    >>> prose_html("3 held, 2 planned (3 held, 2 planned) & more", "en")
    '3 held, 2 planned (3 held, 2 planned) &amp; more'
    >>> prose_html("See oecd_panel at https://example.org/a_b.", "en")
    'See <code class="key">oecd_panel</code> at <a class="url" \
href="https://example.org/a_b">https://example.org/a_b</a>.'
    """
    return _prose_html(text, lang, names)


@functools.lru_cache(maxsize=4096)
def _prose_html(text: str, lang: str, names: re.Pattern[str] | None) -> str:
    def rest(part: str) -> str:
        return esc(part, names)

    spans = _parenthesised(text)
    addresses = [m.span() for m in WEB_ADDRESS.finditer(text)]
    out: list[str] = []
    at = 0
    for match in _NAME.finditer(text):
        name, start, end = match.group(), match.start(), match.end()
        if any(low <= start < high for low, high in addresses):
            continue  # a web address is a link, whatever it holds
        if "_" in name and not _SNAKE.fullmatch(name) and name not in FIELDS:
            continue
        if _SNAKE.fullmatch(name) or ("." in name and name in FIELDS):
            pass
        elif name in FIELDS:
            before = text[:start].split()
            if not (
                _alone_in_parentheses(text, start, end, spans)
                or (before and before[-1].casefold() in _BEFORE)
                or _PAIRED.match(text, end)
            ):
                continue
        else:
            continue
        out.append(linked(text[at:start], rest))
        own = label(name, lang)
        right_after_label = text[:start].rstrip().endswith("(") and text[
            : start - 1
        ].rstrip().casefold().endswith(own.casefold())
        if right_after_label or name not in FIELDS:
            # a name no table knows (a plugin's field, or an id) is shown as it is written
            out.append(tag("code", esc(name), class_="key"))
        else:
            out.append(key_html(name, lang))
        at = end
    out.append(linked(text[at:], rest))
    return "".join(out)


def _suffix(prefix: str, suffix: str, lang: str, name: Callable[[str], str], text: Text) -> str:
    vocabulary = _SUFFIXES.get(prefix)
    if vocabulary is not None and suffix in _slugs(vocabulary):
        return vocabulary(suffix).label("nl" if lang == "nl" else "en")
    if prefix == "areas":
        if suffix == "whole":
            return "de hele gemeente" if lang == "nl" else "the whole municipality"
        return name(suffix)
    if prefix == "evaluation_moments":
        try:
            return text.date(dt.date.fromisoformat(suffix))
        except ValueError:
            return suffix
    return suffix


def fact_html(fact: str, lang: str, name: Callable[[str], str]) -> str:
    """One evidence fact as HTML: its label first, capitalised, then the name as muted code.

    *name* gives the readable name of an id (an area of ``areas.<id>``).

    Examples
    --------
    >>> fact_html("ties.external", "nl", str)
    'Banden naar buiten <code class="key">ties.external</code>'
    >>> fact_html("target_roles.gemeentesecretaris", "en", str)
    'Target role: Municipal secretary <code class="key">target_roles.gemeentesecretaris</code>'
    >>> fact_html("tasks[2]", "nl", str)
    'Taak 3 <code class="key">tasks[2]</code>'
    """
    if "areas." in fact:  # an area's name comes from the landscape
        return _fact_html(fact, lang, name)
    return _known_fact_html(fact, lang)


@functools.lru_cache(maxsize=4096)
def _known_fact_html(fact: str, lang: str) -> str:
    return _fact_html(fact, lang, str)


def _fact_html(fact: str, lang: str, name: Callable[[str], str]) -> str:
    text = Text(lang)
    parts = []
    for piece in fact.split(", "):
        index = _INDEX.fullmatch(piece)
        prefix, _, suffix = piece.partition(".")
        if piece in FIELDS:
            shown = label(piece, lang)
        elif index and index.group(1) in _PREFIXES:
            shown = f"{_PREFIXES[index.group(1)][_lang(lang)]} {int(index.group(2)) + 1}"
        elif suffix and prefix in _PREFIXES:
            own = _suffix(prefix, suffix, lang, name, text)
            shown = f"{_PREFIXES[prefix][_lang(lang)]}: {own}"
        elif suffix == "reached" and prefix in _slugs(AreaLevel):
            areas = text.plural(2, prefix)
            shown = f"{areas} bereikt" if lang == "nl" else f"{areas} reached"
        else:
            shown = _humane(piece)
        parts.append(shown[:1].upper() + shown[1:])
    return esc(", ".join(parts)) + " " + tag("code", esc(fact), class_="key")


@functools.cache
def _owners(slug: str) -> tuple[type[Term], ...]:
    return tuple(v for v in VOCABULARIES if slug in _slugs(v))


@functools.cache
def _slugs(vocabulary: type[Term]) -> frozenset[str]:
    return frozenset(vocabulary.slugs())


@functools.lru_cache(maxsize=4096)
def _slug_label(fact: str, piece: str, lang: str) -> str:
    key = fact if fact in _VALUES else fact.partition(".")[0]
    vocabulary = _VALUES.get(key)
    chosen: Literal["nl", "en"] = "nl" if lang == "nl" else "en"
    if vocabulary is not None and piece in _slugs(vocabulary):
        return vocabulary(piece).label(chosen)
    if piece in _WORDS:
        return _WORDS[piece][_lang(lang)]
    owners = _owners(piece)
    if len(owners) == 1 or (owners and _SNAKE.fullmatch(piece)):
        return owners[0](piece).label(chosen)
    return _humane(piece) if _SNAKE.fullmatch(piece) else piece


def value_text(fact: str, value: Scalar, text: Text) -> str:
    """One evidence value in words: vocabulary slugs by their labels, numbers as numbers.

    A fact of several names (``"salience, level"``) pairs each name with its part of the
    value.

    Examples
    --------
    >>> value_text("service_goals", "minder_regeldruk, brede_verantwoordelijkheid", Text("en"))
    'Less red tape, Broad responsibility'
    >>> value_text("salience, level", "definitief, none", Text("nl"))
    'Definitief, geen'
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return text("yes") if value else text("no")
    if isinstance(value, float):
        return text.number(value)
    if isinstance(value, int):
        return text.integer(value)
    facts = fact.split(", ")
    pieces = value.split(", ")
    if len(facts) == len(pieces) and len(facts) > 1:
        return ", ".join(_slug_label(f, p, text.lang) for f, p in zip(facts, pieces, strict=True))
    return ", ".join(_slug_label(fact, p, text.lang) for p in pieces)


def measures_in(sentences: Iterable[str], facts: Iterable[str] = ()) -> tuple[str, ...]:
    """The measures of the glossary that *sentences* name or *facts* are, in glossary order.

    Examples
    --------
    >>> measures_in(["Of 18 ties, 14 reach outside (E-I index +0.56)."], ["betweenness"])
    ('ei_index', 'betweenness')
    """
    found = set(_named(" ".join(sentences).casefold()))
    found.update(
        _MEASURE_FACTS[f] for fact in facts for f in fact.split(", ") if f in _MEASURE_FACTS
    )
    return tuple(key for key in _MEASURE_WORDS if key in found)


@functools.lru_cache(maxsize=4096)
def _named(folded: str) -> tuple[str, ...]:
    return tuple(key for key, words in _MEASURE_WORDS.items() if any(w in folded for w in words))
