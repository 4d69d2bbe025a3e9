"""The editor's decisions (content/decisions.toml) applied to what the merge proposed.

Events are addressed by the ids the merge gives them (stable: see generator/merge/__init__.py),
so a decision keeps meaning the same event through every rebuild. Decisions apply in the order
they are written, each to what the ones above it left: an event split off can then be moved,
merged or retitled by the id it got. An event made from a note is changed in its note, except
that reports may be moved or merged into it. Each event keeps the decisions that shaped it, and
each dropped event is kept with its sources, for data/timeline.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import ContentError, ContentErrors, did_you_mean
from ..model import Action, Decision, Event
from .candidates import Candidate
from .cluster import Cluster

EDITOR = "editor"  # Event.title_from of a title the editor gave in a [[retitle]]
TRANSLATOR = "translation"  # Event.title_from of a title from content/translations/<lang>.po
EDITORS_TITLES = frozenset({"note", EDITOR, TRANSLATOR})  # people's words, never a source's
_NOTES_SOURCES = "take the source out of the note's sources: list"


@dataclass
class Proposed:
    """An event to be: the reports the merge grouped, and the decisions that changed it."""

    id: str
    cluster: Cluster
    decisions: list[Decision] = field(default_factory=list)


@dataclass(frozen=True)
class DroppedEvent:
    id: str
    sources: tuple[str, ...]
    decision: Decision


@dataclass
class Shaped:
    events: list[Proposed]
    dropped: list[DroppedEvent]


def shape_events(proposed: list[Proposed], decisions: list[Decision], new_id) -> Shaped:
    """`new_id(cluster)` names an event split off when its decision gives no `id`."""
    by_id = {event.id: event for event in proposed}
    dropped: list[DroppedEvent] = []
    errors: list[ContentError] = []
    for decision in decisions:
        try:
            _apply(decision, by_id, dropped, new_id)
        except ContentError as error:
            errors.append(error)
    if errors:
        raise ContentErrors(errors)
    return Shaped(list(by_id.values()), dropped)


def worded(event: Event, decisions: list[Decision]) -> Event:
    """The event as the editor's [[redate]] and [[retitle]] have it."""
    for decision in decisions:
        if decision.action == Action.REDATE and decision.date is not None:
            span = decision.date
            low, high = span.first_day(), span.last_day()
            event = replace(
                event,
                span=span,
                date_reason=f"fixed by the editor ({decision.where})",
                reported_dates=[
                    replace(
                        reported,
                        consistent=low <= reported.span.last_day() and reported.span.first_day() <= high,
                    )
                    for reported in event.reported_dates
                ],
            )
        elif decision.action == Action.RETITLE:
            event = replace(
                event,
                title={**event.title, **decision.title},
                title_from={**event.title_from, **dict.fromkeys(decision.title, EDITOR)},
            )
    merged = [other for d in decisions if d.action == Action.MERGE for other in d.events[1:]]
    return replace(event, decisions=decisions, aliases=[*event.aliases, *merged])


def _apply(decision: Decision, by_id: dict[str, Proposed], dropped: list[DroppedEvent], new_id) -> None:
    if decision.action == Action.SPLIT:
        _split(decision, by_id, new_id)
    elif decision.action == Action.MOVE:
        _move(decision, by_id)
    elif decision.action == Action.MERGE:
        _merge(decision, by_id)
    elif decision.action == Action.DROP:
        event = _event(decision, by_id, decision.event, not_a_note="delete the note's file instead")
        del by_id[event.id]
        dropped.append(DroppedEvent(event.id, _sources(event.cluster.members), decision))
    else:
        fix = "write the note's date instead" if decision.action == Action.REDATE else "edit the note's title"
        _event(decision, by_id, decision.event, not_a_note=fix).decisions.append(decision)


def _split(decision: Decision, by_id: dict[str, Proposed], new_id) -> None:
    event = _event(decision, by_id, decision.event, not_a_note=_NOTES_SOURCES)
    taken = [m for m in event.cluster.members if m.source in decision.sources]
    kept = [m for m in event.cluster.members if m.source not in decision.sources]
    if not taken:
        raise _error(
            decision, f"event {event.id} has no report from {', '.join(decision.sources)}", _in(event)
        )
    if not kept:
        raise _error(decision, f"every report of event {event.id} would leave it", "leave one source in it")
    event.cluster = _with(event.cluster, kept)
    event.decisions.append(decision)
    piece = _with(event.cluster, taken, note=False)
    identifier = decision.new_id or new_id(piece)
    if identifier in by_id:
        if decision.new_id:
            raise _error(decision, f"id = {identifier!r} is another event's id", "choose another id")
        identifier = next(f"{identifier}-{n}" for n in range(2, 10_000) if f"{identifier}-{n}" not in by_id)
    by_id[identifier] = Proposed(identifier, piece, [decision])


def _move(decision: Decision, by_id: dict[str, Proposed]) -> None:
    origin = _event(decision, by_id, decision.from_event, not_a_note=_NOTES_SOURCES)
    target = _event(decision, by_id, decision.to_event)
    taken = [m for m in origin.cluster.members if m.source == decision.source]
    if not taken:
        raise _error(decision, f"event {origin.id} has no report from {decision.source}", _in(origin))
    kept = [m for m in origin.cluster.members if m.source != decision.source]
    if kept:
        origin.cluster = _with(origin.cluster, kept)
        origin.decisions.append(decision)
    else:  # its only source went: the event is the target now
        del by_id[origin.id]
    target.cluster = _with(target.cluster, target.cluster.members + taken, near=origin.cluster.near)
    target.decisions.append(decision)


def _merge(decision: Decision, by_id: dict[str, Proposed]) -> None:
    first = _event(decision, by_id, decision.events[0])
    for other_id in decision.events[1:]:
        other = _event(decision, by_id, other_id, not_a_note=f"name the note's event {other_id} first")
        first.cluster = _with(
            first.cluster, first.cluster.members + other.cluster.members, near=other.cluster.near
        )
        first.decisions.extend(other.decisions)
        del by_id[other_id]
    first.decisions.append(decision)


def _event(decision: Decision, by_id: dict[str, Proposed], event_id: str, not_a_note: str = "") -> Proposed:
    event = by_id.get(event_id)
    if event is None:
        raise _error(
            decision,
            f"no event has the id {event_id!r}",
            f"{did_you_mean(event_id, by_id)}copy the id from the event page's address (events/ID.html) "
            "or from timeline review",
        )
    if not_a_note and event.cluster.note is not None:
        raise _error(decision, f"event {event_id} is the note {event.cluster.note.paths[0].name}", not_a_note)
    return event


def _with(
    cluster: Cluster, members: list[Candidate], note: bool = True, near: set[int] = frozenset()
) -> Cluster:
    """The same kind of cluster with other members: all an event is made of (assemble.event_of)."""
    present = {id(m) for m in members}
    return Cluster(
        cluster.number,
        cluster.low,
        cluster.high,
        cluster.target,
        members=list(members),
        note=cluster.note if note else None,
        near={n for n in cluster.near | set(near) if n in present},
    )


def _sources(members: list[Candidate]) -> tuple[str, ...]:
    return tuple(sorted({m.source for m in members}))


def _in(event: Proposed) -> str:
    return f"its sources are {', '.join(_sources(event.cluster.members)) or 'none'}"


def _error(decision: Decision, message: str, fix: str) -> ContentError:
    return ContentError(decision.path, decision.line, f"[[{decision.action}]]: {message}", fix)
