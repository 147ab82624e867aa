"""The fixed text of the report, in Dutch and English, and the labels of graph vocabularies.

Every sentence, heading and label the report writes itself lives in :data:`STRINGS`, one
dictionary per language with the same keys and the same ``{placeholders}``. Labels of the
landscape's vocabularies come from :mod:`democratie.vocab` (``label_nl``, ``label_en``); the
labels here cover what the vocabularies do not: node kinds and relations of the stakeholder
graph, subject kinds, plural nouns and month names.

Examples
--------
The languages are those of :data:`LANGUAGES` (the literal type :data:`Language`); every
language has the same strings (:data:`STRINGS`), and the labels come in Dutch and English:

>>> import typing
>>> LANGUAGES, typing.get_args(Language) == LANGUAGES
(('nl', 'en'), True)
>>> STRINGS["nl"].keys() == STRINGS["en"].keys(), STRINGS["en"]["toc"]
(True, 'Contents')
>>> NODE_KIND_LABELS["council"], RELATION_LABELS["member_of"]
(('Gemeenteraad', 'Council'), ('lid van', 'member of'))
>>> NOUNS["initiative"], MONTHS["nl"][1]
((('initiatief', 'initiatieven'), ('initiative', 'initiatives')), 'februari')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

from democratie._numbers import decimal
from democratie.graph.schema import NODE_KIND_LABELS, RELATION_LABELS

__all__ = [
    "LANGUAGES",
    "MONTHS",
    "MONTHS_SHORT",
    "NODE_KIND_LABELS",
    "NOUNS",
    "RELATION_LABELS",
    "STRINGS",
    "Language",
    "Text",
]

#: A language the report is written in.
Language: TypeAlias = Literal["nl", "en"]

#: The languages the report is written in, Dutch first.
LANGUAGES: Final[tuple[Language, ...]] = ("nl", "en")

_NL: dict[str, str] = {
    # the document
    "default_title": "Rapport democratische vernieuwing",
    "report_kind": "Rapport democratische vernieuwing",
    "skip": "Naar de inhoud",
    "toc": "Inhoud",
    "as_of": "Stand van zaken op {date}.",
    "as_of_made": "Stand van zaken op {date}, de dag waarop dit rapport is gemaakt.",
    "footer": (
        "Gemaakt met democratie. Dit rapport is één bestand en heeft geen "
        "netwerkverbinding nodig om te bekijken of af te drukken."
    ),
    "footer_rules": "Scoringsregels: {rules}.",
    "and": "en",
    "and_more": "en nog {n}",
    "others": "{n} andere",
    "yes": "ja",
    "no": "nee",
    "unknown": "onbekend",
    "none": "geen",
    # sections
    "overview": "Overzicht",
    "scorecards": "Scorekaarten",
    "graph": "Stakeholdergraaf",
    "krachtenveld": "Krachtenveld",
    "coverage": "Dekking",
    "lessons": "Geleerde lessen",
    # overview
    "sources": "Bronnen",
    "municipalities": "Gemeenten",
    "initiatives": "Initiatieven",
    "networks": "Netwerken",
    "no_municipalities": "Dit landschap bevat geen gemeenten.",
    "no_initiatives": "Dit landschap bevat geen initiatieven.",
    "no_networks": "Dit landschap bevat geen netwerken.",
    "cbs_code": "CBS-code",
    "province": "Provincie",
    "council": "Gemeenteraad",
    "seats": "{n} zetels",
    "factions": "Fracties",
    "college": "College van B&W",
    "wethouders": "{n} wethouders",
    "areas": "Gebieden",
    "people_roles": "Mensen en rollen",
    "scorecard_link": "Scorekaart",
    "kind": "Soort",
    "period": "Periode",
    "since": "vanaf {date}",
    "until": "tot {date}",
    "from_to": "{start} tot {end}",
    "duration": "Looptijd",
    "months": "{n} maanden",
    "initiated_by": "Initiatief van",
    "led_by": "Geleid door",
    "level": "Participatieniveau",
    "realised": "gerealiseerd: {level}",
    "feedback_given": "Terugkoppeling gegeven",
    "government_role": "Rol van de gemeente",
    "domains": "Beleidsdomeinen",
    "required_domains": "Vereiste domeinen",
    "goals": "Doelen",
    "service_goals": "Dienstverleningsdoelen",
    "participants": "Deelnemers",
    "phases": "Fasen",
    "commitments": "Steun",
    "milestones": "Mijlpalen",
    "due": "uiterlijk {date}",
    "due_within": "binnen {n} maanden",
    "done": "bereikt op {date}",
    "overdue_on": "over tijd op {date}",
    "tasks": "Taken",
    "meetings": "Bijeenkomsten",
    "attendance": "{n} aanwezigen",
    "host": "gastheer: {name}",
    "members": "Leden",
    "themes": "Thema's",
    "coordinators": "Coördinatie",
    "part_of": "Onderdeel van",
    "all_of_level": "alle {level}",
    "description": "Beschrijving",
    "evaluations": "Evaluaties",
    "evaluated_by": "door {name}",
    "closes": "sluit af: {what}",
    "evaluation_without_details": "geëvalueerd (zonder details)",
    "indicators": "Indicatoren",
    "measured": "{value} op {date}",
    "not_measured": "nog niet gemeten",
    "baseline": "nulmeting {value}",
    "target": "streefwaarde {value}",
    "network": "Netwerk",
    "elements": "Onderdelen van het traject",
    "target_roles": "Beoogde rollen",
    "target_municipalities": "Beoogd aantal gemeenten",
    # scorecards
    "scorecards_intro": (
        "Elke regel beoordeelt één gemeente, initiatief of netwerk en geeft een score binnen "
        "haar eigen bereik (hoger is beter), met een toelichting en het bewijs dat ze "
        "gebruikte. Een regel waarvoor gegevens ontbreken, is niet van toepassing: dat telt "
        "niet als nul. Er is bewust geen totaalscore."
    ),
    "no_scorecards": (
        "Er zijn geen scorekaarten: dit landschap bevat geen gemeenten, initiatieven of "
        "netwerken, of er zijn geen regels toegepast."
    ),
    "rule": "Regel",
    "score": "Score",
    "explanation": "Toelichting",
    "evidence": "Bewijs ({n})",
    "recommendations": "Aanbevelingen",
    "not_applicable": "n.v.t.",
    "applicable_count": "Regels van toepassing: {applicable} van {total}.",
    "range": "bereik {low} tot {high}",
    "failures": "Regels die faalden",
    "failures_intro": "Deze regels konden niet scoren; hun scores ontbreken hierboven.",
    # graph
    "graph_intro": (
        "Wie met wie verbonden is. Elke knoop is een gemeente, orgaan, organisatie, persoon, "
        "gebied, initiatief, netwerk of bijeenkomst; elke lijn een verband tussen twee ervan "
        "(een rol, deelname, lidmaatschap, ligging). Centrale contacten en verbinders hebben "
        "een ring en een naam."
    ),
    "graph_counts": "De graaf heeft {nodes} en {edges}.",
    "graph_capped": (
        "De tekening toont de {shown} best verbonden van de {total} knopen; de tabellen "
        "gelden voor de hele graaf."
    ),
    "graph_idle": "Niet getekend, omdat ze alleen aan hun eigen gemeente hangen: {names}.",
    "graph_empty": "Dit landschap heeft geen knopen om te tekenen.",
    "graph_help": (
        "Zoom met het scrollwiel of de knoppen, sleep om te verschuiven, en wijs een knoop of "
        "lijn aan voor details."
    ),
    "graph_desc": (
        "Netwerkdiagram van {nodes} en {edges}, gekleurd naar soort. Centrale contacten: "
        "{champions}. Verbinders: {brokers}."
    ),
    "graph_controls": "Bediening van de tekening",
    "legend": "Legenda",
    "colour_by": "Kleur naar",
    "by_kind": "soort",
    "by_sector": "sector",
    "zoom_in": "Inzoomen",
    "zoom_out": "Uitzoomen",
    "reset_view": "Beginweergave",
    "champion": "Centraal contact",
    "broker": "Verbinder",
    "champion_ring": "Centraal contact (doorgetrokken ring)",
    "broker_ring": "Verbinder (gestippelde ring)",
    "champions": "Centrale contacten",
    "brokers": "Verbinders",
    "champions_intro": (
        "De centraalste actoren van het netwerk: goed verbonden (graad), verbonden met wie "
        "zelf goed verbonden is (eigenvectorcentraliteit), en verkozen door VoteRank. Een "
        "centraal contact is nog geen kartrekker: een kartrekker is een rol die wordt "
        "vastgelegd (kolom Vastgelegd als kartrekker)."
    ),
    "brokers_intro": (
        "Actoren die groepen verbinden die elkaar anders niet treffen: een hoge tussenpositie "
        "en een lage beperking (Burt) wijzen op een verbinder."
    ),
    "brokers_sampled": "De tussenpositie is geschat uit {k} steekproefknopen (seed {seed}).",
    "brokers_shortlist": (
        "Met {actors} actoren zijn alleen de {n} actoren met de meeste verbindingen als "
        "verbinder gerangschikt."
    ),
    "fragile": (
        "Let op: elk centraal contact hierboven is een kwetsbaar punt; zonder hem of haar valt "
        "het netwerk uiteen."
    ),
    "no_actors": "Er zijn geen actoren om te rangschikken.",
    "not_computed": "Niet te berekenen: {reason}",
    "name": "Naam",
    "sector": "Sector",
    "degree": "Graad",
    "centrality": "Centraliteit",
    "declared": "Vastgelegd als kartrekker",
    "articulation": "Kwetsbaar punt",
    "betweenness": "Tussenpositie",
    "constraint": "Beperking",
    "effective_size": "Effectieve omvang",
    "ties": "{n} verbindingen",
    "no_sector": "geen sector",
    "rank": "Plaats",
    # krachtenveld
    "krachtenveld_intro": (
        "Waar elke belanghebbende staat naar macht en belang (het raster van Mendelow) en naar "
        "macht, legitimiteit en urgentie (Mitchell, Agle en Wood)."
    ),
    "krachtenveld_none": (
        "Dit landschap bevat geen beoordelingen van macht en belang, dus er is geen "
        "krachtenveld te tekenen. Geef organisaties, personen, gemeenten, raden of colleges "
        "een assessment (power, interest, legitimacy, urgency) om ze hier te plaatsen."
    ),
    "krachtenveld_grid": "Macht-belangraster",
    "krachtenveld_desc": (
        "Raster met belang horizontaal en macht verticaal, in vier kwadranten, met {n} "
        "belanghebbenden als genummerde punten; de tabel eronder noemt ze."
    ),
    "krachtenveld_partial": (
        "Alleen in de tabel, omdat niet zowel hun macht als hun belang is beoordeeld: {names}."
    ),
    "stakeholders": "Belanghebbenden",
    "thresholds": "Hoog vanaf {power} (macht) en {interest} (belang).",
    "power": "Macht",
    "interest": "Belang",
    "legitimacy": "Legitimiteit",
    "urgency": "Urgentie",
    "quadrant": "Kwadrant",
    "salience": "Saillantie",
    "number": "Nr.",
    # coverage
    "coverage_intro": (
        "Hoeveel van de wijken en kernen de initiatieven bereiken, in welke beleidsdomeinen "
        "ze werken, en welke sectoren meedoen."
    ),
    "area_coverage": "Wijken en kernen",
    "area_level": "Niveau",
    "municipality": "Gemeente",
    "initiative": "Initiatief",
    "reached": "Bereikt",
    "share": "Aandeel",
    "missing": "Niet bereikt",
    "reached_of": "{reached} van {total}",
    "no_areas": "Geen gemeente in dit landschap noemt wijken of kernen.",
    "domain_coverage": "Beleidsdomeinen",
    "works_in": "Werkt in",
    "missing_domains": "Ontbreekt",
    "no_domains": "Geen initiatief noemt beleidsdomeinen.",
    "sector_coverage": "Sectoren",
    "present": "Aanwezig",
    "absent": "Afwezig",
    "connected": "Onderling verbonden",
    "no_participants": "Geen initiatief noemt deelnemers met een sector.",
    # lessons
    "lessons_intro": "Wat de initiatieven leerden, als doen en niet doen, inzichten en kansen.",
    "no_lessons": "In dit landschap zijn geen lessen vastgelegd.",
    "transferable": "overdraagbaar",
    "not_transferable": "niet overdraagbaar",
    "shared_with": "gedeeld met {names}",
    "adopted": "overgenomen",
    "not_adopted": "niet overgenomen",
    # progress
    "progress": "Voortgang",
    "progress_intro": (
        "Per initiatief wat gepland is en wat gedaan is, op een tijdlijn; per gemeente hoe de "
        "doelen ervoor staan, gebied voor gebied, en waar een doel niet gemeten wordt."
    ),
    "timelines": "Tijdlijnen",
    "timelines_day": (
        "De doorgetrokken verticale lijn is {date}, de dag van dit rapport: wat dan niet "
        "bereikt is en over zijn termijn, is over tijd. De gestippelde lijn is de horizon, de "
        "verste termijn."
    ),
    "timelines_no_day": (
        "Dit rapport noemt geen dag: de tijdlijnen tonen wat gepland en wat vastgelegd is, "
        "zonder markering van de dag, en niets heet over tijd. Geef een dag (--as-of) om te "
        "zien wat over tijd is."
    ),
    "timelines_none": "Geen initiatief in dit landschap heeft data om op een tijdlijn te zetten.",
    "timelines_capped": (
        "Tijdlijnen van de eerste {shown} van de {total} initiatieven met data; het overzicht "
        "noemt de andere."
    ),
    "legend_planned": "open: gepland",
    "legend_done": "gevuld: gedaan of gehouden",
    "legend_overdue": "over tijd",
    "legend_missed": "evaluatiemoment voorbij zonder evaluatie",
    "legend_milestone": "mijlpaal",
    "legend_meeting": "bijeenkomst",
    "legend_evaluation": "evaluatie",
    "timeline_of": "Tijdlijn van {title}",
    "timeline_desc": "Tijdlijn van {start} tot {end}: {items}.",
    "timeline_day_mark": "stand {date}",
    "timeline_horizon_mark": "horizon",
    "timeline_rows_capped": (
        "De tekening toont {shown} van de {total} onderdelen; de tabel noemt ze allemaal."
    ),
    "timeline_undrawn": "Niet getekend, want zonder datum: {names}.",
    "timeline_table": "{title} als tabel",
    "without_dates": "Initiatieven zonder data",
    "no_dates": (
        "niets gedateerd; leg een begin- of einddatum vast (period), en de data van mijlpalen "
        "(due, done), bijeenkomsten (date) en evaluaties (date)"
    ),
    "no_dates_start": (
        "geen startdatum; leg die vast (period.start), dan worden {what} data op de tijdlijn"
    ),
    "the_duration": "de looptijd van {n} maanden",
    "the_milestones": "de termijnen van {milestones}",
    "item": "Onderdeel",
    "planned": "Gepland",
    "done_column": "Gedaan",
    "state": "Stand",
    "host_column": "Gastheer",
    "row_period": "looptijd",
    "row_milestone": "mijlpaal",
    "row_meeting": "bijeenkomst",
    "row_evaluation": "evaluatie",
    "row_moment": "evaluatiemoment",
    "state_running": "loopt",
    "state_not_started": "nog niet begonnen",
    "state_ended": "voorbij het geplande einde",
    "state_done": "bereikt",
    "state_overdue": "over tijd",
    "state_overdue_days": "over tijd, {n} dagen",
    "state_due_soon": "binnenkort",
    "state_not_due": "nog niet aan de beurt",
    "state_no_due": "termijn onbekend",
    "state_late": "bereikt, te laat",
    "state_held": "gehouden",
    "state_planned": "gepland",
    "state_unknown": "niet vastgelegd of gehouden",
    "state_date_passed": "gepland, datum voorbij en niet als gehouden vastgelegd",
    "state_evaluated": "gehouden",
    "state_evaluation_later": "vastgelegd voor later",
    "after_the_day": "na {date}, de dag van dit rapport",
    "state_proposed": "voorgesteld",
    "state_missed": "aan de beurt geweest, geen evaluatie vastgelegd",
    "no_host": "nog geen",
    "count_milestones": "{n} mijlpalen",
    "count_milestone": "1 mijlpaal",
    "count_overdue": "waarvan {n} over tijd",
    "count_meetings": "{n} bijeenkomsten",
    "count_meeting": "1 bijeenkomst",
    "count_held": "waarvan {n} gehouden",
    "count_evaluations": "{n} evaluaties",
    "count_evaluation": "1 evaluatie",
    "count_moments": "{n} voorgestelde evaluatiemomenten",
    "count_moment": "1 voorgesteld evaluatiemoment",
    "period_only": "de looptijd",
    "goal_table": "Indicatoren per gebied",
    "goal_intro_day": (
        "Per gebied en doel de laatste meting tot en met {date}, de streefwaarde, de trend "
        "(de laatste twee metingen) en of het doel op koers is."
    ),
    "goal_intro_no_day": (
        "Per gebied en doel de laatste vastgelegde meting, de streefwaarde, de trend (de "
        "laatste twee metingen) en of het doel op koers is."
    ),
    "goal_none": (
        "Geen gemeente in dit landschap heeft indicatoren. Leg indicatoren met metingen vast "
        "(indicators, bij een gemeente of initiatief) om hier per gebied te zien hoe de doelen "
        "ervoor staan."
    ),
    "goal_capped": "Tabellen van de eerste {shown} van de {total} gemeenten met indicatoren.",
    "goal_of": "Indicatoren van {name}",
    "area": "Gebied",
    "goal": "Doel",
    "latest": "Laatste meting",
    "target_column": "Streefwaarde",
    "trend": "Trend",
    "on_track": "Op koers",
    "whole_municipality": "hele gemeente",
    "trend_improving": "beter",
    "trend_worsening": "slechter",
    "trend_steady": "gelijk",
    "value_on": "{value} ({date})",
    "gaps": "Niet gemeten",
    "gap_line": "{goal}: niet gemeten in {areas}; wel in {measured}.",
    "rows_more": "en nog {n} rijen",
}

_EN: dict[str, str] = {
    # the document
    "default_title": "Democratic renewal report",
    "report_kind": "Democratic renewal report",
    "skip": "Skip to content",
    "toc": "Contents",
    "as_of": "As of {date}.",
    "as_of_made": "As of {date}, the day this report was made.",
    "footer": (
        "Made with democratie. This report is a single file and needs no network connection "
        "to view or print."
    ),
    "footer_rules": "Scoring rules: {rules}.",
    "and": "and",
    "and_more": "and {n} more",
    "others": "{n} more",
    "yes": "yes",
    "no": "no",
    "unknown": "unknown",
    "none": "none",
    # sections
    "overview": "Overview",
    "scorecards": "Scorecards",
    "graph": "Stakeholder graph",
    "krachtenveld": "Krachtenveld: power and interest",
    "coverage": "Coverage",
    "lessons": "Lessons learned",
    # overview
    "sources": "Sources",
    "municipalities": "Municipalities",
    "initiatives": "Initiatives",
    "networks": "Networks",
    "no_municipalities": "This landscape holds no municipalities.",
    "no_initiatives": "This landscape holds no initiatives.",
    "no_networks": "This landscape holds no networks.",
    "cbs_code": "CBS code",
    "province": "Province",
    "council": "Council",
    "seats": "{n} seats",
    "factions": "Council groups",
    "college": "Executive (college)",
    "wethouders": "{n} aldermen",
    "areas": "Areas",
    "people_roles": "People and roles",
    "scorecard_link": "Scorecard",
    "kind": "Kind",
    "period": "Period",
    "since": "from {date}",
    "until": "until {date}",
    "from_to": "{start} to {end}",
    "duration": "Duration",
    "months": "{n} months",
    "initiated_by": "Initiated by",
    "led_by": "Led by",
    "level": "Participation level",
    "realised": "realised: {level}",
    "feedback_given": "Feedback given",
    "government_role": "Role of the municipality",
    "domains": "Policy domains",
    "required_domains": "Required domains",
    "goals": "Goals",
    "service_goals": "Service goals",
    "participants": "Participants",
    "phases": "Phases",
    "commitments": "Commitment",
    "milestones": "Milestones",
    "due": "due {date}",
    "due_within": "within {n} months",
    "done": "reached on {date}",
    "overdue_on": "overdue on {date}",
    "tasks": "Tasks",
    "meetings": "Meetings",
    "attendance": "{n} attended",
    "host": "host: {name}",
    "members": "Members",
    "themes": "Themes",
    "coordinators": "Coordinators",
    "part_of": "Part of",
    "all_of_level": "all {level}",
    "description": "Description",
    "evaluations": "Evaluations",
    "evaluated_by": "by {name}",
    "closes": "closes: {what}",
    "evaluation_without_details": "evaluated (no details)",
    "indicators": "Indicators",
    "measured": "{value} on {date}",
    "not_measured": "not measured yet",
    "baseline": "baseline {value}",
    "target": "target {value}",
    "network": "Network",
    "elements": "Trajectory elements",
    "target_roles": "Target roles",
    "target_municipalities": "Target number of municipalities",
    # scorecards
    "scorecards_intro": (
        "Each rule judges one municipality, initiative or network and gives a score within "
        "its own range (higher is better), with an explanation and the evidence it used. A "
        "rule whose inputs are missing does not apply: that does not count as zero. There is "
        "deliberately no overall score."
    ),
    "no_scorecards": (
        "There are no scorecards: this landscape holds no municipalities, initiatives or "
        "networks, or no rules were applied."
    ),
    "rule": "Rule",
    "score": "Score",
    "explanation": "Explanation",
    "evidence": "Evidence ({n})",
    "recommendations": "Recommendations",
    "not_applicable": "n/a",
    "applicable_count": "Rules that apply: {applicable} of {total}.",
    "range": "range {low} to {high}",
    "failures": "Rules that failed",
    "failures_intro": "These rules could not score; their scores are missing above.",
    # graph
    "graph_intro": (
        "Who is tied to whom. Each node is a municipality, body, organisation, person, area, "
        "initiative, network or meeting; each line a tie between two of them (a role, taking "
        "part, membership, location). Central contacts and brokers have a ring and a name."
    ),
    "graph_counts": "The graph has {nodes} and {edges}.",
    "graph_capped": (
        "The picture shows the {shown} best connected of the {total} nodes; the tables cover "
        "the whole graph."
    ),
    "graph_idle": "Not drawn, as they are tied only to their own municipality: {names}.",
    "graph_empty": "This landscape has no nodes to draw.",
    "graph_help": (
        "Zoom with the scroll wheel or the buttons, drag to pan, and point at a node or line "
        "for details."
    ),
    "graph_desc": (
        "Network diagram of {nodes} and {edges}, coloured by kind. Central contacts: "
        "{champions}. Brokers: {brokers}."
    ),
    "graph_controls": "Picture controls",
    "legend": "Legend",
    "colour_by": "Colour by",
    "by_kind": "kind",
    "by_sector": "sector",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "reset_view": "Reset view",
    "champion": "Central contact",
    "broker": "Broker",
    "champion_ring": "Central contact (solid ring)",
    "broker_ring": "Broker (dashed ring)",
    "champions": "Central contacts",
    "brokers": "Brokers (verbinders)",
    "champions_intro": (
        "The most central actors of the network: well connected (degree), connected to those "
        "who are well connected themselves (eigenvector centrality), and elected by VoteRank. "
        "A central contact is not yet a kartrekker: a kartrekker is a role that is recorded "
        "(column Recorded as kartrekker)."
    ),
    "brokers_intro": (
        "Actors who link groups that would not otherwise meet: high betweenness and low "
        "constraint (Burt) mark a broker."
    ),
    "brokers_sampled": "Betweenness is estimated from {k} sampled nodes (seed {seed}).",
    "brokers_shortlist": (
        "With {actors} actors, only the {n} best connected actors are ranked as brokers."
    ),
    "fragile": (
        "Note: every central contact above is a single point of failure; without them the "
        "network falls apart."
    ),
    "no_actors": "There are no actors to rank.",
    "not_computed": "Could not be computed: {reason}",
    "name": "Name",
    "sector": "Sector",
    "degree": "Degree",
    "centrality": "Centrality",
    "declared": "Recorded as kartrekker",
    "articulation": "Single point of failure",
    "betweenness": "Betweenness",
    "constraint": "Constraint",
    "effective_size": "Effective size",
    "ties": "{n} ties",
    "no_sector": "no sector",
    "rank": "Rank",
    # krachtenveld
    "krachtenveld_intro": (
        "Where each stakeholder stands by power and interest (Mendelow's grid) and by power, "
        "legitimacy and urgency (Mitchell, Agle and Wood)."
    ),
    "krachtenveld_none": (
        "This landscape holds no assessments of power and interest, so there is no "
        "krachtenveld to draw. Give organisations, people, municipalities, councils or "
        "colleges an assessment (power, interest, legitimacy, urgency) to place them here."
    ),
    "krachtenveld_grid": "Power-interest grid",
    "krachtenveld_desc": (
        "Grid with interest across and power up, in four quadrants, with {n} stakeholders as "
        "numbered points; the table below names them."
    ),
    "krachtenveld_partial": (
        "In the table only, as their power and interest are not both assessed: {names}."
    ),
    "stakeholders": "Stakeholders",
    "thresholds": "High from {power} (power) and {interest} (interest).",
    "power": "Power",
    "interest": "Interest",
    "legitimacy": "Legitimacy",
    "urgency": "Urgency",
    "quadrant": "Quadrant",
    "salience": "Salience",
    "number": "No.",
    # coverage
    "coverage_intro": (
        "How many of the wijken and kernen the initiatives reach, which policy domains they "
        "work in, and which sectors take part."
    ),
    "area_coverage": "Districts and settlements (wijken and kernen)",
    "area_level": "Level",
    "municipality": "Municipality",
    "initiative": "Initiative",
    "reached": "Reached",
    "share": "Share",
    "missing": "Not reached",
    "reached_of": "{reached} of {total}",
    "no_areas": "No municipality in this landscape names wijken or kernen.",
    "domain_coverage": "Policy domains",
    "works_in": "Works in",
    "missing_domains": "Missing",
    "no_domains": "No initiative names policy domains.",
    "sector_coverage": "Sectors",
    "present": "Present",
    "absent": "Absent",
    "connected": "Tied together",
    "no_participants": "No initiative names participants with a sector.",
    # lessons
    "lessons_intro": "What the initiatives learned, as do's and don'ts, insights and chances.",
    "no_lessons": "No lessons are recorded in this landscape.",
    "transferable": "transferable",
    "not_transferable": "not transferable",
    "shared_with": "shared with {names}",
    "adopted": "adopted",
    "not_adopted": "not adopted",
    # progress
    "progress": "Progress",
    "progress_intro": (
        "For each initiative, what is planned and what is done, on a timeline; for each "
        "municipality, how its goals are doing, area by area, and where a goal goes unmeasured."
    ),
    "timelines": "Timelines",
    "timelines_day": (
        "The solid vertical line is {date}, the day of this report: what is not reached by "
        "then and past its due date is overdue. The dotted line is the horizon, the furthest "
        "deadline."
    ),
    "timelines_no_day": (
        "This report names no day: the timelines show what is planned and what is recorded, "
        "without a mark for the day, and nothing is called overdue. Give a day (--as-of) to see "
        "what is overdue."
    ),
    "timelines_none": "No initiative in this landscape has dates to put on a timeline.",
    "timelines_capped": (
        "Timelines of the first {shown} of the {total} initiatives with dates; the overview "
        "names the others."
    ),
    "legend_planned": "open: planned",
    "legend_done": "filled: done or held",
    "legend_overdue": "overdue",
    "legend_missed": "evaluation moment passed without one",
    "legend_milestone": "milestone",
    "legend_meeting": "meeting",
    "legend_evaluation": "evaluation",
    "timeline_of": "Timeline of {title}",
    "timeline_desc": "Timeline from {start} to {end}: {items}.",
    "timeline_day_mark": "as of {date}",
    "timeline_horizon_mark": "horizon",
    "timeline_rows_capped": (
        "The drawing shows {shown} of the {total} items; the table lists them all."
    ),
    "timeline_undrawn": "Not drawn, as they have no date: {names}.",
    "timeline_table": "{title} as a table",
    "without_dates": "Initiatives without dates",
    "no_dates": (
        "nothing is dated; record a start or end (period), and the dates of milestones (due, "
        "done), meetings (date) and evaluations (date)"
    ),
    "no_dates_start": (
        "no start date; record it (period.start), and {what} become dates on the timeline"
    ),
    "the_duration": "the duration of {n} months",
    "the_milestones": "the due dates of {milestones}",
    "item": "Item",
    "planned": "Planned",
    "done_column": "Done",
    "state": "State",
    "host_column": "Host",
    "row_period": "duration",
    "row_milestone": "milestone",
    "row_meeting": "meeting",
    "row_evaluation": "evaluation",
    "row_moment": "evaluation moment",
    "state_running": "running",
    "state_not_started": "not started yet",
    "state_ended": "past the planned end",
    "state_done": "reached",
    "state_overdue": "overdue",
    "state_overdue_days": "overdue, {n} days",
    "state_due_soon": "due soon",
    "state_not_due": "not due yet",
    "state_no_due": "no due date",
    "state_late": "reached, late",
    "state_held": "held",
    "state_planned": "planned",
    "state_unknown": "not recorded as held or planned",
    "state_date_passed": "planned, date passed and not recorded as held",
    "state_evaluated": "held",
    "state_evaluation_later": "recorded for later",
    "after_the_day": "after {date}, the day of this report",
    "state_proposed": "proposed",
    "state_missed": "was due, no evaluation recorded",
    "no_host": "none yet",
    "count_milestones": "{n} milestones",
    "count_milestone": "1 milestone",
    "count_overdue": "{n} of them overdue",
    "count_meetings": "{n} meetings",
    "count_meeting": "1 meeting",
    "count_held": "{n} of them held",
    "count_evaluations": "{n} evaluations",
    "count_evaluation": "1 evaluation",
    "count_moments": "{n} proposed evaluation moments",
    "count_moment": "1 proposed evaluation moment",
    "period_only": "the duration",
    "goal_table": "Indicators by area",
    "goal_intro_day": (
        "For each area and goal, the latest measurement up to {date}, the target, the trend "
        "(the last two measurements) and whether the goal is on track."
    ),
    "goal_intro_no_day": (
        "For each area and goal, the latest measurement recorded, the target, the trend (the "
        "last two measurements) and whether the goal is on track."
    ),
    "goal_none": (
        "No municipality in this landscape has indicators. Record indicators with measurements "
        "(indicators, on a municipality or an initiative) to see here how the goals are doing, "
        "area by area."
    ),
    "goal_capped": "Tables of the first {shown} of the {total} municipalities with indicators.",
    "goal_of": "Indicators of {name}",
    "area": "Area",
    "goal": "Goal",
    "latest": "Latest measurement",
    "target_column": "Target",
    "trend": "Trend",
    "on_track": "On track",
    "whole_municipality": "whole municipality",
    "trend_improving": "improving",
    "trend_worsening": "worsening",
    "trend_steady": "steady",
    "value_on": "{value} ({date})",
    "gaps": "Not measured",
    "gap_line": "{goal}: not measured in {areas}; measured in {measured}.",
    "rows_more": "and {n} more rows",
}

#: The fixed text of the report, by language; both languages have the same keys.
STRINGS: Final[Mapping[Language, Mapping[str, str]]] = MappingProxyType(
    {"nl": MappingProxyType(_NL), "en": MappingProxyType(_EN)}
)

#: Singular and plural nouns, for counts: ``noun: ((nl one, nl many), (en one, en many))``.
NOUNS: Final[Mapping[str, tuple[tuple[str, str], tuple[str, str]]]] = MappingProxyType(
    {
        "node": (("knoop", "knopen"), ("node", "nodes")),
        "edge": (("verbinding", "verbindingen"), ("tie", "ties")),
        "municipality": (("gemeente", "gemeenten"), ("municipality", "municipalities")),
        "initiative": (("initiatief", "initiatieven"), ("initiative", "initiatives")),
        "network": (("netwerk", "netwerken"), ("network", "networks")),
        "organisation": (("organisatie", "organisaties"), ("organisation", "organisations")),
        "person": (("persoon", "personen"), ("person", "people")),
        "task": (("taak", "taken"), ("task", "tasks")),
        # area levels, by slug
        "provincie": (("provincie", "provincies"), ("province", "provinces")),
        "gemeente": (("gemeente", "gemeenten"), ("municipality", "municipalities")),
        "kern": (("kern", "kernen"), ("settlement", "settlements")),
        "dorp": (("dorp", "dorpen"), ("village", "villages")),
        "wijk": (("wijk", "wijken"), ("district", "districts")),
        "buurt": (("buurt", "buurten"), ("neighbourhood", "neighbourhoods")),
        "gebied": (("gebied", "gebieden"), ("area", "areas")),
        "regio": (("regio", "regio's"), ("region", "regions")),
    }
)

#: Short month names, January first, for the ticks of the timelines.
MONTHS_SHORT: Final[Mapping[Language, tuple[str, ...]]] = MappingProxyType(
    {
        "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    }
)

#: Month names, January first.
MONTHS: Final[Mapping[Language, tuple[str, ...]]] = MappingProxyType(
    {
        "nl": (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        "en": (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    }
)


class Text:
    """The report's words in one language: fixed strings, labels, numbers and dates.

    Parameters
    ----------
    lang : {"nl", "en"}
        The language.

    Raises
    ------
    ValueError
        If `lang` is neither ``"nl"`` nor ``"en"``.

    Examples
    --------
    >>> nl, en = Text("nl"), Text("en")
    >>> nl("seats", n=25), en("seats", n=25)
    ('25 zetels', '25 seats')
    >>> nl.number(0.6667), en.number(1234.5, digits=1)
    ('0,67', '1,234.5')
    >>> nl.count(1, "initiative"), en.count(3, "initiative")
    ('1 initiatief', '3 initiatives')
    >>> import datetime as dt
    >>> nl.date(dt.date(2020, 2, 4)), en.date(dt.date(2020, 2, 4))
    ('4 februari 2020', '4 February 2020')
    >>> nl.month(dt.date(2020, 3, 4)), en.month(dt.date(2020, 3, 4))
    ('mrt 2020', 'Mar 2020')
    """

    __slots__ = ("_strings", "lang")

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            message = f'unknown report language "{lang}"; use "nl" or "en"'
            raise ValueError(message)
        self.lang: Language = "nl" if lang == "nl" else "en"
        self._strings = STRINGS[self.lang]

    def __call__(self, key: str, /, **values: object) -> str:
        """Return the fixed string *key*, with its placeholders filled from *values*."""
        text = self._strings[key]
        return text.format(**values) if values else text

    @property
    def _index(self) -> int:
        return 0 if self.lang == "nl" else 1

    def kind(self, kind: str) -> str:
        """Return the label of a node kind or subject kind (unknown kinds as they are)."""
        labels = NODE_KIND_LABELS.get(kind)
        return labels[self._index] if labels else kind

    def relation(self, relation: str) -> str:
        """Return the label of a relation of the stakeholder graph."""
        labels = RELATION_LABELS.get(relation)
        return labels[self._index] if labels else relation.replace("_", " ")

    def plural(self, n: int, noun: str) -> str:
        """Return the singular or plural form of *noun* for *n* things, without the number."""
        one, many = NOUNS[noun][self._index]
        return one if n == 1 else many

    def count(self, n: int, noun: str) -> str:
        """Return *n* with the singular or plural form of *noun*: ``"3 wijken"``."""
        return f"{self.integer(n)} {self.plural(n, noun)}"

    def integer(self, n: int) -> str:
        """Return a whole number with the language's thousands separator."""
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "nl" else text

    def number(self, value: float, *, digits: int = 2) -> str:
        """Return a number with *digits* decimals and the language's decimal separator."""
        return decimal(value, f",.{digits}f", lang=self.lang)

    def percent(self, share: float) -> str:
        """Return a share in [0, 1] as a whole percentage: ``"67%"``."""
        return f"{round(share * 100)}%"

    def date(self, day: dt.date) -> str:
        """Return a date written out: ``"4 februari 2020"``, ``"4 February 2020"``."""
        return f"{day.day} {MONTHS[self.lang][day.month - 1]} {day.year}"

    def month(self, day: dt.date) -> str:
        """Return a day's month and year, short: ``"feb 2020"``, ``"Feb 2020"``."""
        return f"{MONTHS_SHORT[self.lang][day.month - 1]} {day.year}"

    def join(self, items: list[str]) -> str:
        """Join words as a list in prose: ``"a, b en c"``."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self('and')} {items[-1]}"
