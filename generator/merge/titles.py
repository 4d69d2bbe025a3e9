"""An event's title in each language: a headline, or a clause of a report made into one.

In order: a note's title (set by `assemble`); the headline (or sub-heading) of a source in that
language that reports the event as its main happening; a concise clause of a report in that
language — at most `TITLE_LIMIT` characters, its discourse openers and attribution frames taken
off («Напомним, …», "Earlier, …", «Как сообщает …», «…, сообщает Kazinform»), never a
fragment of fewer than three words. A language with none of these gets no title: the page shows
another language's, marked with its language.
"""

from __future__ import annotations

import re
from functools import cache

from ..extract.concepts import find_concepts, most_specific
from ..extract.dates import find_dates
from ..extract.happenings import Role, discourse
from ..extract.sentences import Sentence, words
from ..extract.sentences import fold_keys as fold
from ..model import LANGUAGES
from .candidates import Candidate

TITLE_LIMIT = 100
_SHORTEST = 3  # words
_BREAK = re.compile(r",\s|;\s|\s[–—]\s|:\s")
_ROLES = (Role.HEADLINE, Role.SECTION, Role.SENTENCE, Role.BACKGROUND)


@cache
def _frames(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    frames = discourse()["frames"].get(language if language in LANGUAGES else "en", {})
    head = tuple(sorted((fold(p) for p in frames.get("head", [])), key=len, reverse=True))
    tail = tuple(fold(p) for p in frames.get("tail", []))
    return head, tail


def event_titles(members: list[Candidate]) -> dict[str, tuple[str, str]]:
    """Per language, (title, where it comes from: `role:source`)."""
    by_language: dict[str, list[Candidate]] = {}
    ranked = sorted(members, key=lambda m: (_ROLES.index(m.mention.role), *m.report_order()))
    for member in ranked:
        by_language.setdefault(member.language, []).append(member)
    titles: dict[str, tuple[str, str]] = {}
    for language, reports in sorted(by_language.items()):
        found = _first_title(reports, language)
        if found is None:
            continue
        text, chosen = found
        titles[language] = (text, f"{chosen.mention.role}:{chosen.source}")
    if not titles:
        # No clause makes a headline: the first report's words, cut at a word and marked so
        # («…»); `timeline check` lists such titles for the editor to retitle.
        first = ranked[0]
        text = prepared(first.mention.text, first.language, first.mention.date_text) or first.mention.text
        if len(text) > TITLE_LIMIT:
            text = text[: TITLE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—") + "…"
        titles[first.language] = (text[:1].upper() + text[1:], f"{first.mention.role}:{first.source}")
    return titles


def _first_title(reports: list[Candidate], language: str) -> tuple[str, Candidate] | None:
    """The first report's title that names its kind of happening, else the first title at all;
    titles are made only as far as needed (an event may have hundreds of reports)."""
    first = None
    for report in reports:
        text = _title_of(report)
        if text is None:
            continue
        if _names_its_kind(text, language):
            return text, report
        first = first or (text, report)
    return first


def _title_of(member: Candidate) -> str | None:
    mention = member.mention
    if mention.role in (Role.HEADLINE, Role.SECTION) and mention.title:
        return " ".join(mention.title.split())
    return concise(_own_clause(mention.text, mention.date_text), member.language, mention.date_text)


_CONTRAST = re.compile(r";\s|,\s(?=(?:а|но|однако|but|while|whereas|ал|алайда)\s)", re.IGNORECASE)


def _own_clause(text: str, date_text: str | None) -> str:
    """«Тесты пройдут летом, а эксплуатация начнется к 2027 году»: each date has its clause."""
    parts = _CONTRAST.split(text)
    if len(parts) < 2 or not date_text:
        return text
    return next((part for part in parts if date_text in part), text)


def _names_its_kind(text: str, language: str) -> bool:
    return bool(most_specific(find_concepts(text, language)))


def concise(text: str, language: str, date_text: str | None = None) -> str | None:
    """A clause of a report as a headline, or None when it makes no headline."""
    text = prepared(text, language, date_text)
    if len(text) > TITLE_LIMIT:
        text = _first_clauses(text)
    if text is None or len(text.split()) < _SHORTEST or text[-1:] in ",:–—-":
        return None
    if _only_a_date(text, language):
        return None  # «В понедельник, 8 июня», "On Monday, 2 March": no happening told
    return text[0].upper() + text[1:]


def _only_a_date(text: str, language: str) -> bool:
    """Whether the clause says no more than a date: fewer than two words of three letters or
    more outside its date expressions."""
    whole = [(0, len(text))]
    found = find_dates(text, whole, [Sentence(0, len(text))], language, None, reference_year=2000)
    rest = text
    for date in sorted(found, key=lambda d: d.span, reverse=True):
        rest = rest[: date.span[0]] + " " + rest[date.span[1] :]
    return sum(len(word.text) >= 3 and not word.text.isdigit() for word in words(rest)) < 2


def prepared(text: str, language: str, date_text: str | None = None) -> str:
    """The clause without its openers, attribution and a date that opens it («В тот же день …»,
    "On Thursday, …": the event's date says that)."""
    text = " ".join(text.split()).rstrip(" .;")
    text = _without_head(text, language)
    if date_text and fold(text.lower()).startswith(fold(" ".join(date_text.split()).lower())):
        text = text[len(" ".join(date_text.split())) :].lstrip(" ,—–-")
    return _without_tail(text, language)


def _without_head(text: str, language: str) -> str:
    """«Напомним, что …», «Как сообщает Kazinform, …», "Earlier, …": off the front."""
    head, _ = _frames(language)
    for _ in range(3):  # «Напомним, ранее …»
        lowered = fold(text.lower())
        phrase = next((p for p in head if lowered.startswith(p)), None)
        if phrase is None:
            return text
        rest = text[len(phrase) :]
        if not phrase.endswith(",") and phrase.split()[0] in ("как", "по", "according", "хабарлағандай"):
            comma = rest.find(", ")
            rest = rest[comma + 2 :] if 0 <= comma < 60 else rest  # «Как сообщает Kazinform, …»
        text = rest.lstrip(" ,—–-")
    return text


def _without_tail(text: str, language: str) -> str:
    """«…, сообщает Kazinform», "…, the ministry said", «…, – деп хабарлады министрлік»."""
    _, tail = _frames(language)
    breaks = list(_BREAK.finditer(text))
    for match in reversed(breaks[-2:]):
        rest = fold(text[match.end() :].lower()).lstrip('«"“-–— ')
        first_words = rest.split()[:4]
        if any(word.startswith(t) for t in tail for word in first_words if " " not in t) or any(
            t in rest for t in tail if " " in t
        ):
            return text[: match.start()].rstrip(' ,»"')
    return text


def _first_clauses(text: str) -> str | None:
    """The longest run of whole clauses from the start that fits the limit."""
    cut = None
    for match in _BREAK.finditer(text):
        if match.start() > TITLE_LIMIT:
            break
        cut = match.start()
    return text[:cut].rstrip() if cut else None
