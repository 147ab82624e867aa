"""The seed table: every built-in rule on the main subject of every seed example, and why.

The numbers of docs/scoring/seed-table.md come from the code; the sentence next to each
number is written by hand, in :data:`CELLS`, with the score it was written for. A test
fails when the page is out of date, when a cell has no sentence or a sentence no cell, and
when a score moves away from the one its sentence explains. Regenerate the page with::

    PYTHONPATH=src python tests/test_seed_table.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from attrs import frozen

from democratie import examples
from democratie.plugins import make_plugin_manager, scoring_rules
from democratie.scoring import Score, ScoringRule, run

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "scoring" / "seed-table.md"

DELFT = "delft-zeven-van-delft"
M50 = "m50-leerkring-waalwijk"
LEUSDEN = "leusden-samenleving-voorop"
VECHT = "stichtse-vecht-gebiedsgericht-werken"
DIA = "democratie-in-actie-noord-nederland"


@frozen
class Column:
    """One seed example, and the subject of each kind its column scores."""

    example: str
    label: str
    initiative: str
    municipality: str
    network: str | None
    note: str

    def subject(self, kind: str) -> str | None:
        """The id scored by a rule that applies to *kind*, or None when there is none."""
        return {"initiative": self.initiative, "municipality": self.municipality}.get(
            kind, self.network
        )


COLUMNS: tuple[Column, ...] = (
    Column(
        DELFT,
        "Delft",
        initiative="de-zeven-van-delft",
        municipality="delft",
        network=None,
        note="the approach the workshop is about; the text describes no network.",
    ),
    Column(
        M50,
        "M50",
        initiative="m50-leerkring-initiatief",
        municipality="waalwijk",
        network="m50-leerkring-democratische-vernieuwing",
        note="the learning circle, as an initiative (its participants and lessons) and as a "
        "network (its meetings); Waalwijk, where the kick-off was held.",
    ),
    Column(
        LEUSDEN,
        "Leusden",
        initiative="samenleving-voorop-bestuur",
        municipality="leusden",
        network=None,
        note="the challenge on the domain Bestuur, which the text puts forward; the trajectory "
        "Samenleving Voorop as a whole is a second initiative of the example, scored in [the "
        "seed examples, scored](seeds.md#leusden-samenleving-voorop); the text describes no "
        "network.",
    ),
    Column(
        VECHT,
        "Stichtse Vecht",
        initiative="gebiedsgericht-werken-2022",
        municipality="stichtse-vecht",
        network="stichtse-vecht-externe-netwerken",
        note="the new gebiedsgericht werken; of its two networks the external one (the "
        "internal one scores the same).",
    ),
    Column(
        DIA,
        "Democratie in Actie",
        initiative="dia-ontwikkeltraject-organisatieontwikkeling",
        municipality="assen",
        network="dia-regionaal-netwerk-noord-nederland",
        note="the development trajectory and its regional learning group; no municipality "
        "has joined, and Assen, the employer of a contact person, is the only one the text "
        "names.",
    ),
)

#: Which seed a rule is written from: a word of its ``source``, and that seed's example.
SEED_WORDS: dict[str, str] = {
    "Delft": DELFT,
    "M50": M50,
    "Leusden": LEUSDEN,
    "Stichtse Vecht": VECHT,
    "Democratie in Actie": DIA,
}


def seeds_of(rule: ScoringRule) -> tuple[str, ...]:
    """The examples of the seeds the rule is written from, in the order of the columns."""
    named = {example for word, example in SEED_WORDS.items() if word in rule.source}
    return tuple(column.example for column in COLUMNS if column.example in named)


#: The sentence of each cell, keyed by (rule, example), with the score it explains (None:
#: not applicable). An n/a sentence says what to record, or why there is nothing to.
CELLS: dict[tuple[str, str], tuple[float | None, str]] = {
    # commitment_triad
    ("commitment_triad", DELFT): (
        1.0,
        (
            'The text credits the change to "continue politieke, bestuurlijke en ambtelijke '
            'steun", so council, college and civil service are all recorded as backing it fully.'
        ),
    ),
    ("commitment_triad", M50): (
        None,
        (
            "The report says nothing of the backing of councils, colleges or civil services for "
            "the circle; record it under `commitments` (politiek, bestuurlijk, ambtelijk) once the "
            "members give it."
        ),
    ),
    ("commitment_triad", LEUSDEN): (
        None,
        (
            'The challenge is to be done "met de raad", but the text does not say how far council, '
            "college and civil service back it; record that under `commitments`."
        ),
    ),
    ("commitment_triad", VECHT): (
        None,
        (
            "The text names no backing of council, college or civil service for the new way of "
            "working; record it under `commitments`."
        ),
    ),
    ("commitment_triad", DIA): (
        None,
        (
            'The trajectory asks "commitment binnen de gemeente (college, raad en ambtenaren)" of '
            "the municipalities that join, and none has joined yet; the intake gate reads what "
            "each gave at its intake, and `commitments` of the trajectory stay empty."
        ),
    ),
    # council_at_the_front
    ("council_at_the_front", DELFT): (
        None,
        (
            "The text places residents, organisations and businesses in policy-making and "
            "execution but says nothing of who takes part in the other four phases, so it cannot "
            "show when the council comes in; record the `participants` of those phases, with "
            "`delft-raad` where it takes part."
        ),
    ),
    ("council_at_the_front", M50): (
        None,
        (
            'The circle noted that "soms wordt de raad aan de voorkant gemist", but the report '
            "records no phases of its own work; record `phases`, each with its `participants`, to "
            "see when a council comes in."
        ),
    ),
    ("council_at_the_front", LEUSDEN): (
        None,
        (
            'The challenge is a year of designing a new way of working "met de raad", but its '
            "phases are not recorded; with `leusden-raad` among the `participants` of the first "
            "of its `phases` it would score 1.00."
        ),
    ),
    ("council_at_the_front", VECHT): (
        None,
        (
            "The text says nothing of the council's part in the new way of working and records no "
            "phases; record `phases` with their `participants`, the council among them where it "
            "takes part."
        ),
    ),
    ("council_at_the_front", DIA): (
        None,
        (
            'The text names "de rol van de politiek" as a possible question but records no phases '
            "of the trajectory; record `phases` with their `participants`."
        ),
    ),
    # area_coverage
    ("area_coverage", DELFT): (
        1.0,
        (
            'The approach works "in alle acht Delftse wijken": every one of the eight, recorded as '
            "`covers_all` with the count of eight."
        ),
    ),
    ("area_coverage", M50): (
        None,
        (
            "A learning circle of twelve municipalities serves no wijk or kern of its own; "
            "`areas` belong to the initiatives that serve places."
        ),
    ),
    ("area_coverage", LEUSDEN): (
        None,
        (
            "The challenge is about the council's way of working, not about places, and the text "
            "names no wijk or kern; `areas` and `covers_all` stay empty."
        ),
    ),
    ("area_coverage", VECHT): (
        1.0,
        (
            'The text keeps "de eigenheid, leefbaarheid en sociale samenhang van de twaalf '
            'kernen" leading, so the work reaches all twelve kernen (`covers_all`).'
        ),
    ),
    ("area_coverage", DIA): (
        None,
        (
            "A regional trajectory for ten municipalities serves no wijk or kern of its own; "
            "`areas` belong to the municipalities' own initiatives."
        ),
    ),
    # domain_coverage
    ("domain_coverage", DELFT): (
        None,
        (
            'The text lists ten domains "zoals zorg, welzijn, ...", examples rather than a set the '
            "approach must cover; record `required_domains` (or pass "
            "`DomainCoverage(required=DELFT_DOMAINS)`) to hold it to them."
        ),
    ),
    ("domain_coverage", M50): (
        None,
        (
            "The circle is about democratic renewal in general and names no policy domain it must "
            "cover; record `required_domains` if it sets any."
        ),
    ),
    ("domain_coverage", LEUSDEN): (
        None,
        (
            "The challenge works on the domain Bestuur, one of the five of Samenleving Voorop, of "
            "which the text names only Bestuur and Samenleving; record the five as "
            "`required_domains` once they are known."
        ),
    ),
    ("domain_coverage", VECHT): (
        None,
        (
            "The text frames the work by seven shared ambitions, not by policy domains; record "
            "`required_domains` only if the municipality sets domains as well."
        ),
    ),
    ("domain_coverage", DIA): (
        None,
        (
            "The trajectory is about organisational development, not policy domains; record "
            "`required_domains` if a region sets any."
        ),
    ),
    # cross_sector_coverage
    ("cross_sector_coverage", DELFT): (
        11 / 12,
        (
            "Organisations, businesses, residents and the municipality all take part, but the "
            "municipality is tied to the other three only by being listed in the same approach, "
            "which costs a little."
        ),
    ),
    ("cross_sector_coverage", M50): (
        None,
        (
            "The circle is a network of twelve municipalities learning from each other (its "
            "`network` lists only municipalities), so bringing the sectors together is not its "
            "aim and it is not scored on it."
        ),
    ),
    ("cross_sector_coverage", LEUSDEN): (
        0.25,
        (
            "Only the council and Leusden, which started it, take part in the challenge, so of the "
            "four sectors only government is there; the residents Samenleving Voorop wants to "
            "involve are not recorded as taking part in it."
        ),
    ),
    ("cross_sector_coverage", VECHT): (
        0.375,
        (
            "Government and residents take part (the wijkcommissies, the resident groups and the "
            "Vrienden van het Wijkpark), but no tie between them is recorded beyond the programme, "
            "and no civil-society organisation or business takes part."
        ),
    ),
    ("cross_sector_coverage", DIA): (
        None,
        (
            "The trajectory works through a regional learning group of municipalities "
            "(`network`), so bringing the sectors together is not its aim and it is not scored on "
            "it."
        ),
    ),
    # lifecycle_completeness
    ("lifecycle_completeness", DELFT): (
        2 / 6,
        (
            'The text engages the sectors "zowel bij de beleidsvorming als bij de uitvoering": two '
            "of the six phases of Delft's integrated cycle, from vision to support."
        ),
    ),
    ("lifecycle_completeness", M50): (
        None,
        (
            "The report records no cycle or phases of the circle's work; record `cycle` and "
            "`phases` to see in which phases participation is arranged."
        ),
    ),
    ("lifecycle_completeness", LEUSDEN): (
        None,
        (
            "The text gives the challenge one year and a horizon of three but no phases; record "
            "`cycle` and `phases`, with who takes part in each."
        ),
    ),
    ("lifecycle_completeness", VECHT): (
        None,
        (
            "The text describes how tasks and roles were redistributed, not the phases of the "
            "work; record `cycle` and `phases`."
        ),
    ),
    ("lifecycle_completeness", DIA): (
        None,
        (
            "The trajectory's intake, support, regional meetings and closing meeting are recorded "
            "as its elements and meetings, not as policy phases; record `cycle` and `phases` to "
            "judge participation phase by phase."
        ),
    ),
    # ownership_clarity
    ("ownership_clarity", DELFT): (
        None,
        (
            "The text names no tasks or who owns them; record `tasks` with their `assignments`, "
            "one accountable each."
        ),
    ),
    ("ownership_clarity", M50): (
        None,
        (
            'The report asks "Wie wil gastgemeente zijn voor één van deze bijeenkomsten?", so '
            "even hosting the follow-ups has no owner yet, and no tasks are recorded; record "
            "`tasks` with their `assignments`."
        ),
    ),
    ("ownership_clarity", LEUSDEN): (
        None,
        (
            "The text names no tasks of the challenge or who owns them; record `tasks` with their "
            "`assignments`."
        ),
    ),
    ("ownership_clarity", VECHT): (
        None,
        (
            "The text says the tasks were redistributed and renamed (chapter 2 of the document) "
            "but does not list them; record them as `tasks` with one accountable owner each, as "
            "the Rekenkamer advised."
        ),
    ),
    ("ownership_clarity", DIA): (
        None,
        (
            "The call says what the trajectory offers and asks, not who owns which task; record "
            "`tasks` with their `assignments`."
        ),
    ),
    # champion_presence
    ("champion_presence", DELFT): (
        0.0,
        (
            "The text names no kartrekker, leader or initiator of the approach itself (Rob van den "
            "Berg and Jeroen Joon lead the workshop about it), so nobody is recorded as pulling "
            "the work along."
        ),
    ),
    ("champion_presence", M50): (
        0.0,
        'The circle itself concluded "Kartrekkers zijn nodig", and the report names none.',
    ),
    ("champion_presence", LEUSDEN): (
        0.0,
        (
            "Leusden started the challenge, but a municipality does not stand in for a "
            "kartrekker, and the text names no person who pulls the work along."
        ),
    ),
    ("champion_presence", VECHT): (
        0.0,
        (
            "Stichtse Vecht started the programme, but a municipality does not stand in for a "
            "kartrekker, and the text names no person who pulls the work along."
        ),
    ),
    ("champion_presence", DIA): (
        0.0,
        (
            "Democratie in Actie started the trajectory and composes the learning group, but an "
            "organisation does not stand in for a kartrekker, and the text names only two contact "
            "persons."
        ),
    ),
    # brokerage_capacity
    ("brokerage_capacity", DELFT): (
        None,
        (
            "The text describes no network, so there is none to score; record one under "
            "`networks`, with its `members`, if the approach works through one."
        ),
    ),
    ("brokerage_capacity", M50): (
        0.867,
        (
            'Democratie in Actie, which "was aanwezig" at the kick-off, is the circle\'s best '
            "verbinder: it links the twelve municipalities to the Thorbecke experiments it is "
            "looking for."
        ),
    ),
    ("brokerage_capacity", LEUSDEN): (
        None,
        (
            "The text describes no network, so there is none to score; record one under "
            "`networks` if Leusden shares its do's and don'ts through one."
        ),
    ),
    ("brokerage_capacity", VECHT): (
        None,
        (
            "The internal and external networks are described in chapters 4 and 5, which the text "
            "leaves out, so only the municipality is recorded in them; record their `members`."
        ),
    ),
    ("brokerage_capacity", DIA): (
        0.909,
        (
            "Democratie in Actie composes the regional learning group and coordinates the pool of "
            "change officers, which makes it the verbinder between the municipalities of the "
            "example's (invented) intakes, the officers and the contacts."
        ),
    ),
    # bridging_vs_bonding
    ("bridging_vs_bonding", DELFT): (
        0.778,
        (
            "Delft, its council, its college and senior project leader Rob van den Berg have 14 "
            "of their 18 ties with the organisations, businesses, residents and MVV they work "
            'with, as "verbinden en samenwerken" would have it.'
        ),
    ),
    ("bridging_vs_bonding", M50): (
        None,
        (
            "The report records no one inside Waalwijk's organisation, only the municipality as a "
            "member of the circle; record the `roles` of its people at `waalwijk`."
        ),
    ),
    ("bridging_vs_bonding", LEUSDEN): (
        None,
        (
            "The text names no person inside Leusden's organisation; record the `roles` of its "
            "people at `leusden` to measure how far its ties reach outside."
        ),
    ),
    ("bridging_vs_bonding", VECHT): (
        None,
        (
            'The municipality works "juist door samen te werken met anderen", in internal and '
            "external networks, but the text names no person inside its organisation; record the "
            "`roles` of its people at `stichtse-vecht`."
        ),
    ),
    ("bridging_vs_bonding", DIA): (
        0.968,
        (
            "Assen's organisation appears through its (invented) intake and through Nicolien "
            "Waanders, a contact of the trajectory, and nearly all those ties reach outside Assen."
        ),
    ),
    # participation_level
    ("participation_level", DELFT): (
        None,
        (
            'The text reports an "actieve inzet" of residents but not at which rung of the '
            "participation ladder; record `level`."
        ),
    ),
    ("participation_level", M50): (
        None,
        (
            "The circle is municipalities learning from each other, not residents taking part, "
            "and no rung is recorded; `level` belongs to initiatives that invite residents."
        ),
    ),
    ("participation_level", LEUSDEN): (
        None,
        (
            'Leusden wants "de burger in dit proces te betrekken" but names no rung of the '
            "ladder for the challenge; record `level`."
        ),
    ),
    ("participation_level", VECHT): (
        None,
        (
            'The ambition "meedenken, meedoen en ruimte krijgen" names rungs in words, but no rung '
            "is recorded for the programme; record `level`."
        ),
    ),
    ("participation_level", DIA): (
        None,
        (
            "The trajectory is for civil servants and administrators, not residents, and names no "
            "rung; `level` belongs to the participation of residents."
        ),
    ),
    # promise_kept
    ("promise_kept", DELFT): (
        None,
        (
            "No rung is promised or reported as reached; record `level` and `realised_level` (and "
            "`feedback_given`) once the approach reports them."
        ),
    ),
    ("promise_kept", M50): (
        None,
        (
            "The report makes no promise to residents; record `level` and `realised_level` where "
            "there is one."
        ),
    ),
    ("promise_kept", LEUSDEN): (
        None,
        (
            "The challenge has not run yet, so nothing promised can have been delivered; record "
            "`level` and `realised_level` afterwards."
        ),
    ),
    ("promise_kept", VECHT): (
        None,
        "The text promises no rung and reports none reached; record `level` and `realised_level`.",
    ),
    ("promise_kept", DIA): (
        None,
        (
            "The call makes no promise to residents; record `level` and `realised_level` where one "
            "is made."
        ),
    ),
    # government_role_fit
    ("government_role_fit", DELFT): (
        None,
        (
            'The municipality is "regisseur", but the text does not say who started the approach, '
            "and the ROB stair is for initiatives of society; record `initiator` (started by "
            "society, it scores 1.00)."
        ),
    ),
    ("government_role_fit", M50): (
        None,
        (
            "The circle's `initiator` is not recorded, and a network of municipalities is no "
            "initiative of society, for which the ROB stair is meant; record `initiator` and "
            "`government_role` only where society started it."
        ),
    ),
    ("government_role_fit", LEUSDEN): (
        None,
        (
            'Leusden itself started the challenge (`initiator = "gemeente"`), and the ROB stair '
            "is for initiatives of society, so the rule does not apply."
        ),
    ),
    ("government_role_fit", VECHT): (
        None,
        (
            'The municipality started the programme (`initiator = "gemeente"`), so the ROB stair '
            "for initiatives of society does not apply."
        ),
    ),
    ("government_role_fit", DIA): (
        None,
        (
            "Democratie in Actie started the trajectory, but whether that is the municipalities' "
            "side or society's is not recorded (`initiator`); started by the municipalities' own "
            "association, the ROB stair would not apply."
        ),
    ),
    # salience_coverage
    ("salience_coverage", DELFT): (
        None,
        (
            "The text gives no ground for weighing the power, legitimacy and urgency of the "
            "parties; record each participant's `assessment`."
        ),
    ),
    ("salience_coverage", M50): (
        None,
        (
            "The report gives no ground for weighing the power, legitimacy or urgency of the "
            "municipalities or Democratie in Actie; record each participant's `assessment`."
        ),
    ),
    ("salience_coverage", LEUSDEN): (
        None,
        (
            'The text says the domain Bestuur "heeft zeggingskracht en sturingsmogelijkheden" but '
            "gives no measure of the council's power, legitimacy or urgency; record its "
            "`assessment`."
        ),
    ),
    ("salience_coverage", VECHT): (
        None,
        (
            "The text names the wijkcommissies as directly affected but does not weigh their "
            "power, legitimacy or urgency; record each participant's `assessment`."
        ),
    ),
    ("salience_coverage", DIA): (
        None,
        (
            "The call gives no ground for weighing anyone's power, legitimacy or urgency; record "
            "each participant's `assessment`."
        ),
    ),
    # engagement_fit
    ("engagement_fit", DELFT): (
        None,
        (
            "Nobody's power and interest are assessed, so the krachtenveld cannot be mapped; "
            "record them in each participant's `assessment`."
        ),
    ),
    ("engagement_fit", M50): (
        None,
        (
            'The circle saw "Goed kijken naar het krachtenveld" as an opportunity, but the report '
            "maps no one's power and interest; record them in each participant's `assessment`."
        ),
    ),
    ("engagement_fit", LEUSDEN): (
        None,
        (
            "The council's power and interest in the challenge are not assessed; record them in "
            "its `assessment`."
        ),
    ),
    ("engagement_fit", VECHT): (
        None,
        (
            "The power and interest of the wijkcommissies and resident groups are not assessed; "
            "record them in each participant's `assessment`."
        ),
    ),
    ("engagement_fit", DIA): (
        None,
        (
            "The power and interest of Democratie in Actie and the municipalities are not "
            "assessed; record them in each participant's `assessment`."
        ),
    ),
    # trajectory_conformance
    ("trajectory_conformance", DELFT): (
        None,
        (
            "The Delft approach is no Democratie in Actie development trajectory (no `elements`, "
            "`target_roles`, `target_municipalities` or regional learning group), so the "
            "checklist does not apply."
        ),
    ),
    ("trajectory_conformance", M50): (
        None,
        (
            "The circle is no development trajectory of that design (no `elements`, "
            "`target_roles` or `target_municipalities`), so the checklist does not apply."
        ),
    ),
    ("trajectory_conformance", LEUSDEN): (
        None,
        (
            "The challenge is Leusden's own one-year trajectory, not one of Democratie in Actie "
            "(no `elements` or `target_roles`), so the checklist does not apply."
        ),
    ),
    ("trajectory_conformance", VECHT): (
        None,
        (
            "The programme is a municipality's way of working, not a development trajectory with "
            "`elements` or `target_roles`, so the checklist does not apply."
        ),
    ),
    ("trajectory_conformance", DIA): (
        5 / 7,
        (
            "The design offers every part of its own checklist, but its three regional meetings "
            "are still to be held and none of the ten municipalities has enrolled: five of the "
            "seven items are in place."
        ),
    ),
    # timeline_feasibility
    ("timeline_feasibility", DELFT): (
        None,
        (
            "The text names no milestones or deadlines of the approach; record `milestones` with "
            "`due` or `due_within_months`."
        ),
    ),
    ("timeline_feasibility", M50): (
        None,
        (
            'The report plans two follow-ups "het komend jaar" but no milestones; record '
            "`milestones` with a due date."
        ),
    ),
    ("timeline_feasibility", LEUSDEN): (
        None,
        (
            "The way of working is to be designed within a year and in use within three, but the "
            "challenge has no start date and nothing is reached yet; record `period.start` and, "
            "once reached, each milestone's `done`."
        ),
    ),
    ("timeline_feasibility", VECHT): (
        None,
        'The text says "In 2022" but sets no milestones; record `milestones` with a due date.',
    ),
    ("timeline_feasibility", DIA): (
        None,
        (
            'The trajectory lasts "in principe 1 jaar" but sets no milestones; record '
            "`milestones` with a due date."
        ),
    ),
    # service_goal_alignment
    ("service_goal_alignment", DELFT): (
        None,
        (
            "The seven service goals are Stichtse Vecht's shared ambitions, which the Delft text "
            "does not name; `service_goals` stays empty."
        ),
    ),
    ("service_goal_alignment", M50): (
        None,
        (
            "The circle does not frame its work by Stichtse Vecht's seven ambitions; "
            "`service_goals` stays empty."
        ),
    ),
    ("service_goal_alignment", LEUSDEN): (
        None,
        (
            "The challenge is not framed by Stichtse Vecht's seven ambitions; `service_goals` "
            "stays empty."
        ),
    ),
    ("service_goal_alignment", VECHT): (
        1.0,
        (
            'The text lists seven "gedeelde ambities" of the new way of working, and the '
            "programme serves all seven."
        ),
    ),
    ("service_goal_alignment", DIA): (
        None,
        (
            "The trajectory is not framed by Stichtse Vecht's seven ambitions; `service_goals` "
            "stays empty."
        ),
    ),
    # learning_loop
    ("learning_loop", DELFT): (
        (0 + 0.5 + 0.75) / 3,
        (
            'Three do\'s are recorded ("consistentie van de aanpak", continuous backing, new '
            "thinking) and passed on in the workshop, but there is no don't, none is known to be "
            "taken up, and nothing is evaluated."
        ),
    ),
    ("learning_loop", M50): (
        (1 + 0.75 * 14) / 15 / 3,
        (
            "The fifteen observations and opportunities are shared in the circle and one was "
            "taken up by the M50, but none is written as a do or a don't and nothing is evaluated "
            'yet: it is "tijd voor reflectie en leren".'
        ),
    ),
    ("learning_loop", LEUSDEN): (
        0.5 / 3,
        (
            "The challenge's one lesson, that the domain Bestuur interests every municipality, is "
            "marked transferable but not passed on yet, and it has no do's, don'ts or evaluation "
            "of its own (the trajectory's do's and don'ts were passed on to it)."
        ),
    ),
    ("learning_loop", VECHT): (
        0.5 / 3,
        (
            "The Rekenkamer's advice on clear roles is recorded as a do and its conclusion as an "
            "insight, but neither is shared or evaluated."
        ),
    ),
    ("learning_loop", DIA): (
        None,
        (
            "The trajectory has not run yet, so it records no evaluation and no lesson; record "
            '`evaluations` and `lessons` as the knowledge is "gebundeld en verspreid".'
        ),
    ),
    # target_role_coverage
    ("target_role_coverage", DELFT): (
        None,
        (
            "The Delft approach names no target roles; `target_roles` belong to trajectories "
            "aimed at particular officials."
        ),
    ),
    ("target_role_coverage", M50): (
        None,
        (
            "The circle names no target roles; record `target_roles` if it aims at particular "
            "officials."
        ),
    ),
    ("target_role_coverage", LEUSDEN): (
        None,
        (
            "The challenge is aimed at the council as a whole, not at named roles; record "
            "`target_roles` if it aims at particular ones."
        ),
    ),
    ("target_role_coverage", VECHT): (
        None,
        (
            "The programme names no target roles; record `target_roles` if it aims at particular "
            "officials."
        ),
    ),
    ("target_role_coverage", DIA): (
        0.0,
        (
            "The text aims at five roles, from the gemeentesecretaris to the bestuurder with the "
            "portfolio, but no municipality has joined yet, so none is filled."
        ),
    ),
    # intake_gate
    ("intake_gate", DELFT): (
        None,
        (
            "The approach asks no commitments of anyone before they join; "
            "`required_commitments` belong to trajectories with an intake."
        ),
    ),
    ("intake_gate", M50): (
        None,
        (
            "The circle asks nothing of a municipality before it joins; record "
            "`required_commitments` if it starts to."
        ),
    ),
    ("intake_gate", LEUSDEN): (
        None,
        "The challenge has no intake or entry condition; `required_commitments` stays empty.",
    ),
    ("intake_gate", VECHT): (
        None,
        "The programme has no entry condition; `required_commitments` stays empty.",
    ),
    ("intake_gate", DIA): (
        None,
        (
            "The trajectory asks commitment of college, council and civil service, and the "
            "example's (invented) intakes are held, but no municipality has entered yet; enrol "
            "the admitted ones under `municipalities` (`democratie plan groups` does)."
        ),
    ),
    # host_rotation
    ("host_rotation", DELFT): (
        None,
        (
            "The text describes no network, and its one meeting, the workshop, is still to come; "
            "record `networks` with their meetings, `held` and `host`."
        ),
    ),
    ("host_rotation", M50): (
        None,
        (
            "One meeting is held, the kick-off, whose host the report does not name, and the two "
            'follow-ups still ask "Wie wil gastgemeente zijn voor één van deze bijeenkomsten?"; '
            "record `held` and `host` as they take place."
        ),
    ),
    ("host_rotation", LEUSDEN): (
        None,
        (
            "The text describes no network; record `networks` with their meetings and hosts if "
            "Leusden shares its lessons in one."
        ),
    ),
    ("host_rotation", VECHT): (
        None,
        (
            'The meetings "volgende maand" belong to an initiative, not to the networks, and none '
            "is held yet; record the networks' meetings with `held` and `host`."
        ),
    ),
    ("host_rotation", DIA): (
        None,
        (
            'The regional meetings are to be set "in overleg met de deelnemende gemeenten" and '
            "none is held yet; record `held` and `host` as they take place."
        ),
    ),
    # evaluation_rhythm
    ("evaluation_rhythm", DELFT): (
        None,
        (
            "The text gives no start date of the approach, so there is no schedule of evaluation "
            "moments; record `period.start` and an end or a duration."
        ),
    ),
    ("evaluation_rhythm", M50): (
        None,
        (
            "The circle started on 4 February 2020 but has no end or duration, so there is no "
            'schedule; record `duration_months` (the follow-ups are for "het komend jaar") or '
            "`period.end`."
        ),
    ),
    ("evaluation_rhythm", LEUSDEN): (
        None,
        (
            'The challenge runs "één jaar" but has no start date, so its moments cannot be dated; '
            "record `period.start`."
        ),
    ),
    ("evaluation_rhythm", VECHT): (
        None,
        (
            'The text says "In 2022" but gives no start date; record `period.start` and an end to '
            "schedule the evaluations."
        ),
    ),
    ("evaluation_rhythm", DIA): (
        None,
        (
            'The trajectory lasts a year, "met de startbijeenkomst begin 2019", but no start date '
            "is recorded; record `period.start`."
        ),
    ),
    # indicator_progress
    ("indicator_progress", DELFT): (
        None,
        (
            "The text sets goals such as more self-reliance and participation but no indicators; "
            "record `indicators` with baseline, target and measurements."
        ),
    ),
    ("indicator_progress", M50): (
        None,
        "The report sets Waalwijk no measurable goals; record `indicators` if it does.",
    ),
    ("indicator_progress", LEUSDEN): (
        None,
        (
            "The text expects results to show in the domain Samenleving but names no indicators; "
            "record `indicators` with baseline, target and measurements."
        ),
    ),
    ("indicator_progress", VECHT): (
        0.5,
        (
            "The example's measurements (invented, and marked so) put the whole municipality, "
            "Breukelen and Maarssen-Dorp on track and participation in Kockengen, Maarssenbroek "
            "and Vreeland behind: three of six areas, each kern counting alike, as the text keeps "
            "the twelve kernen leading."
        ),
    ),
    ("indicator_progress", DIA): (
        None,
        (
            "Assen appears only as a contact person's employer and has no indicators; record "
            "`indicators` for a municipality that measures its goals."
        ),
    ),
    # lesson_uptake
    ("lesson_uptake", DELFT): (
        0.0,
        (
            "The three do's are passed on to the workshop, still to be held, and for none is it "
            "recorded that it was taken up; unknown is not adopted, so the advice is to ask and "
            "record `adopted`."
        ),
    ),
    ("lesson_uptake", M50): (
        1.0,
        (
            "The one lesson passed on beyond the circle, that exchanging at mid-size scale is "
            'worth it, was taken up by the M50: "Het netwerk is gevormd".'
        ),
    ),
    ("lesson_uptake", LEUSDEN): (
        None,
        (
            "The challenge has passed none of its lessons on yet (the trajectory passed its do's "
            "and don'ts on to it); record `transfers`, with `adopted`, once it shares them."
        ),
    ),
    ("lesson_uptake", VECHT): (
        None,
        (
            "The Rekenkamer's lessons are not recorded as passed on to anyone; record `transfers`, "
            "with `adopted`."
        ),
    ),
    ("lesson_uptake", DIA): (
        None,
        (
            'The knowledge is to be "gebundeld en verspreid naar andere regio\'s", but nothing '
            "has been passed on yet; record `transfers`, with `adopted`."
        ),
    ),
}

#: For each rule written from a seed, the tests that change one fact of a seed example and
#: check that the score moves as the text predicts: (example, test module, test function).
ONE_FACT: dict[str, tuple[tuple[str, str, str], ...]] = {
    "commitment_triad": (
        (
            DELFT,
            "test_seed_one_fact",
            "test_commitment_triad_falls_to_the_council_when_delfts_political_backing_is_limited",
        ),
        (
            DELFT,
            "test_seed_one_fact",
            "test_commitment_triad_is_unknown_when_delfts_civil_service_backing_is_not_recorded",
        ),
    ),
    "council_at_the_front": (
        (
            M50,
            "test_seed_one_fact",
            "test_council_at_the_front_on_m50_scores_the_council_missed_at_the_front",
        ),
        (
            DELFT,
            "test_rules_corrections",
            "test_council_at_the_front_tells_not_recorded_from_absent_on_delft",
        ),
    ),
    "area_coverage": (
        (DELFT, "test_seed_one_fact", "test_area_coverage_on_delft_rests_on_alle_acht_wijken"),
        (
            DELFT,
            "test_seed_one_fact",
            "test_area_coverage_on_delft_falls_to_the_wijken_the_approach_reaches",
        ),
        (
            VECHT,
            "test_seed_one_fact",
            "test_area_coverage_on_stichtse_vecht_falls_to_the_kernen_the_work_reaches",
        ),
        (
            VECHT,
            "test_rules_corrections",
            "test_area_coverage_on_stichtse_vecht_reaches_the_wijken_of_every_kern",
        ),
    ),
    "domain_coverage": (
        (
            DELFT,
            "test_seed_one_fact",
            "test_domain_coverage_holds_delft_to_its_ten_domains_once_they_are_required",
        ),
    ),
    "cross_sector_coverage": (
        (
            DELFT,
            "test_seed_one_fact",
            "test_cross_sector_coverage_on_delft_is_full_once_the_municipality_shares_a_phase",
        ),
    ),
    "lifecycle_completeness": (
        (
            DELFT,
            "test_seed_one_fact",
            "test_lifecycle_completeness_on_delft_rises_with_participation_in_the_vision",
        ),
    ),
    "ownership_clarity": (
        (
            VECHT,
            "test_seed_one_fact",
            "test_ownership_clarity_on_stichtse_vecht_asks_one_named_owner_per_task",
        ),
    ),
    "champion_presence": (
        (
            M50,
            "test_seed_one_fact",
            "test_champion_presence_on_m50_rises_once_a_kartrekker_is_named",
        ),
        (
            LEUSDEN,
            "test_rules_corrections",
            "test_champion_presence_does_not_let_a_municipality_stand_in",
        ),
    ),
    "brokerage_capacity": (
        (
            M50,
            "test_seed_one_fact",
            "test_brokerage_capacity_on_m50_falls_without_democratie_in_actie_at_the_kick_off",
        ),
    ),
    "bridging_vs_bonding": (
        (
            VECHT,
            "test_seed_one_fact",
            "test_bridging_vs_bonding_on_stichtse_vecht_reaches_outside_with_a_gebiedsregisseur",
        ),
        (
            M50,
            "test_rules_corrections",
            "test_bridging_vs_bonding_needs_people_or_roles_inside_the_organisation",
        ),
    ),
    "trajectory_conformance": (
        (
            DIA,
            "test_rules_corrections",
            "test_trajectory_conformance_counts_enrolled_municipalities_not_the_target",
        ),
        (
            DIA,
            "test_rules_corrections",
            "test_trajectory_conformance_counts_meetings_held_not_planned",
        ),
    ),
    "timeline_feasibility": (
        (
            LEUSDEN,
            "test_seed_one_fact",
            "test_timeline_feasibility_on_leusden_follows_the_design_within_the_year",
        ),
        (
            LEUSDEN,
            "test_seed_one_fact",
            "test_timeline_feasibility_does_not_advise_replanning_a_milestone_already_reached",
        ),
        (
            LEUSDEN,
            "test_rules_corrections",
            "test_timeline_feasibility_never_calls_an_overdue_milestone_on_time",
        ),
    ),
    "service_goal_alignment": (
        (
            VECHT,
            "test_seed_one_fact",
            "test_service_goal_alignment_on_stichtse_vecht_falls_with_one_ambition_dropped",
        ),
    ),
    "learning_loop": (
        (
            M50,
            "test_seed_one_fact",
            "test_learning_loop_on_m50_rises_by_a_third_with_one_evaluation",
        ),
        (
            LEUSDEN,
            "test_rules",
            "test_learning_loop_gives_full_marks_for_sharing_only_once_a_lesson_is_taken_up",
        ),
    ),
    "target_role_coverage": (
        (
            DIA,
            "test_seed_one_fact",
            "test_target_role_coverage_on_dia_rises_by_a_fifth_with_one_gemeentesecretaris",
        ),
    ),
    "intake_gate": (
        (DIA, "test_rules_follow_up", "test_intake_gate_on_the_seed_moves_with_one_commitment"),
    ),
    "host_rotation": (
        (
            M50,
            "test_rules_follow_up",
            "test_host_rotation_on_the_m50_seed_moves_with_the_host_of_one_meeting",
        ),
        (
            DIA,
            "test_rules_follow_up",
            "test_host_rotation_reads_the_meetings_of_an_initiative_that_works_through_the_network",
        ),
    ),
    "evaluation_rhythm": (
        (
            M50,
            "test_seed_one_fact",
            "test_evaluation_rhythm_on_m50_counts_the_moments_of_its_first_year",
        ),
        (
            LEUSDEN,
            "test_rules_follow_up",
            "test_evaluation_rhythm_on_the_leusden_seed_moves_with_one_evaluation",
        ),
    ),
    "indicator_progress": (
        (
            VECHT,
            "test_rules_follow_up",
            "test_indicator_progress_on_the_stichtse_vecht_seed_moves_with_one_measurement",
        ),
    ),
    "lesson_uptake": (
        (
            LEUSDEN,
            "test_rules_follow_up",
            "test_lesson_uptake_on_the_seeds_moves_with_one_adoption",
        ),
        (M50, "test_rules_follow_up", "test_lesson_uptake_on_the_seeds_moves_with_one_adoption"),
        (
            DIA,
            "test_seed_one_fact",
            "test_lesson_uptake_on_dia_counts_knowledge_spread_only_once_it_is_taken_up",
        ),
    ),
}


def registered_rules() -> tuple[ScoringRule, ...]:
    """The rules a fresh plugin manager offers (built-in only: no entry points)."""
    return scoring_rules(plugin_manager=make_plugin_manager(entry_points=False))


def scores() -> dict[tuple[str, str], Score | None]:
    """The score of every cell, keyed by (rule, example); None when there is no subject."""
    rules = registered_rules()
    table: dict[tuple[str, str], Score | None] = {}
    for column in COLUMNS:
        cards = run(examples.load(column.example), rules, strict=True)
        for rule in rules:
            subject = column.subject(rule.applies_to)
            table[rule.name, column.example] = (
                cards[subject][rule.name] if subject is not None else None
            )
    return table


def _shown(score: Score | None) -> str:
    return "n/a" if score is None or score.value is None else f"{score.value:.2f}"


_HEADER = """\
# The seed table

<!-- Generated by tests/test_seed_table.py: the numbers from the rules, the sentences from
     its CELLS; edit those, not this page, and regenerate with
     PYTHONPATH=src python tests/test_seed_table.py -->

Every built-in rule, scored on the main subject of each of the five seed examples, with one
sentence per score on why: what in the text gives that number, or, where the rule does not
apply (*n/a*), what to record for it to apply. [The seed examples, scored](seeds.md) tells
the same story example by example; the [rule catalogue](rules.md) says how each rule works.

A score in **bold** is on a seed the rule was written from (its source). Such a score is
meant to be what a reader of the text would give, and a rule that scores 1.00 on its own
seed, or nothing, proves little: for every rule written from a seed, a test changes one
fact of that seed's example and checks that the score moves the way the text predicts, and
to the value it predicts. The tests are listed under each rule below; most are in
`tests/test_seed_one_fact.py`, the others in `tests/test_rules_corrections.py`,
`tests/test_rules_follow_up.py` and `tests/test_rules.py`.

## The subjects

A rule scores an initiative, a municipality or a network; each column scores the subject of
that kind that its seed text is about.

| column | example | initiative | municipality | network |
| --- | --- | --- | --- | --- |
"""


def render_page() -> str:
    """The seed table page, from the rules and :data:`CELLS`."""
    rules = registered_rules()
    table = scores()
    parts = [_HEADER]
    for column in COLUMNS:
        network = f"`{column.network}`" if column.network else "none"
        parts.append(
            f"| {column.label} | `{column.example}` | `{column.initiative}` | "
            f"`{column.municipality}` | {network} |\n"
        )
    parts.append("\n")
    for column in COLUMNS:
        parts.append(f"- **{column.label}**: {column.note}\n")
    parts.append("\n## The scores\n\n")
    parts.append("| rule | subject | " + " | ".join(c.label for c in COLUMNS) + " |\n")
    parts.append("| --- | --- |" + " --- |" * len(COLUMNS) + "\n")
    for rule in rules:
        own = seeds_of(rule)
        cells = []
        for column in COLUMNS:
            shown = _shown(table[rule.name, column.example])
            cells.append(f"**{shown}**" if column.example in own else shown)
        parts.append(
            f"| [`{rule.name}`](#{rule.name}) | {rule.applies_to} | " + " | ".join(cells) + " |\n"
        )
    for rule in rules:
        own = seeds_of(rule)
        labels = [c.label for c in COLUMNS if c.example in own]
        parts.append(f"\n## `{rule.name}`\n\n")
        written = f"written from {' and '.join(labels)}" if labels else "not written from a seed"
        parts.append(
            f"**{rule.title.en}**: scores the {rule.applies_to}; {written} "
            f"([catalogue](rules.md#{rule.name})). Source: {rule.source}.\n\n"
        )
        for column in COLUMNS:
            shown = _shown(table[rule.name, column.example])
            why = CELLS[rule.name, column.example][1]
            parts.append(f"- **{column.label}, {shown}.** {why}\n")
        tests = ONE_FACT.get(rule.name, ())
        if tests:
            parts.append("\nOne fact changed:\n\n")
            for example, module, function in tests:
                label = next(c.label for c in COLUMNS if c.example == example)
                parts.append(f"- {label}: `tests/{module}.py::{function}`\n")
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def test_every_cell_has_a_sentence_and_every_sentence_a_cell() -> None:
    cells = {(rule.name, column.example) for rule in registered_rules() for column in COLUMNS}
    assert len(cells) == 25 * 5
    missing = sorted(cells - set(CELLS))
    extra = sorted(set(CELLS) - cells)
    assert not missing, f"cells without a sentence: {missing}"
    assert not extra, f"sentences for cells that no longer exist: {extra}"


def test_every_sentence_explains_the_score_it_stands_next_to() -> None:
    moved = []
    for key, score in scores().items():
        value = score.value if score is not None else None
        written = CELLS[key][0]
        if (value is None) != (written is None) or (
            value is not None and written is not None and round(value, 2) != round(written, 2)
        ):
            moved.append((key, written, value))
    assert not moved, f"scores moved away from what their sentence explains: {moved}"


def test_each_cell_has_one_sentence_and_an_na_cell_says_what_to_record() -> None:
    for (rule, example), (value, why) in CELLS.items():
        assert why.endswith((".", '."', ".'")), (rule, example)
        assert "\n" not in why, (rule, example)
        # One sentence: no full stop followed by a new sentence (quotes end with one).
        assert not re.search(r"\. [A-Z]", why), (rule, example, why)
        if value is None:
            assert "`" in why, (rule, example, "an n/a sentence names the key to record")


def test_the_subjects_of_each_column_exist_in_its_example() -> None:
    for column in COLUMNS:
        land = examples.load(column.example)
        for subject in (column.initiative, column.municipality, column.network):
            if subject is not None:
                assert land.get(subject) is not None, (column.example, subject)
    assert [column.example for column in COLUMNS] == list(examples.NAMES)


def test_every_rule_written_from_a_seed_has_a_test_that_changes_one_fact_of_it() -> None:
    rules = {rule.name: rule for rule in registered_rules()}
    written = {name for name, rule in rules.items() if seeds_of(rule)}
    assert len(written) == 20
    assert set(ONE_FACT) == written
    for name, tests in ONE_FACT.items():
        assert tests, name
        assert any(example in seeds_of(rules[name]) for example, _, _ in tests), name
        for _, module, function in tests:
            source = (ROOT / "tests" / f"{module}.py").read_text(encoding="utf-8")
            assert f"\ndef {function}(" in source, (module, function)
    # And every test of the one-fact module is listed, so that the page names it.
    listed = {f for tests in ONE_FACT.values() for _, m, f in tests if m == "test_seed_one_fact"}
    own = (ROOT / "tests" / "test_seed_one_fact.py").read_text(encoding="utf-8")
    assert set(re.findall(r"^def (test_\w+)\(", own, flags=re.MULTILINE)) == listed


@pytest.mark.parametrize("column", COLUMNS, ids=lambda column: column.example)
def test_a_seed_rule_that_scores_its_seed_full_marks_has_a_test_of_that_seed(
    column: Column,
) -> None:
    table = scores()
    for rule in registered_rules():
        score = table[rule.name, column.example]
        if column.example in seeds_of(rule) and score is not None and score.value == 1.0:
            assert any(example == column.example for example, _, _ in ONE_FACT[rule.name]), (
                rule.name
            )


def test_the_seed_table_is_current() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_page(), (
        "docs/scoring/seed-table.md is out of date; run PYTHONPATH=src python "
        "tests/test_seed_table.py"
    )


if __name__ == "__main__":
    PAGE.write_text(render_page(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
