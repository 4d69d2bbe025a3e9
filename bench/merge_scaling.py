"""Merge time and peak memory at growing corpus sizes: does merging stay near-linear?

The merge stage (generator/merge/) turns every article's event mentions into one chronology. It
must not compare all pairs of reports: a chronology of ten thousand articles has to merge in
seconds, not hours. This benchmark builds a synthetic corpus with a known truth and merges
growing slices of it:

- events: about 0.3 per article (3 000 at 10 000 articles), dated 2022-01 … 2026-06, each a kind of
  happening (meeting, talks, phone call, conference, summit, forum, memorandum, agreement, road
  map, visit) with 2–4 registry actors (persons, countries, places, organisations; no media) and
  a topic;
- articles: 1–6 per event, in Russian or Kazakh, published 0–2 days after the event; the lead
  dates it («10 марта», «10 наурызда», sometimes «вчера»/«кеше») or, now and then, does not (then
  the publication dates it); some recall an earlier event that shares an actor, to the month
  («в ноябре 2025 года», «2025 жылдың қарашасында»).

The articles are written to a folder, read back with the project's reader and extracted once
with the real extractor (timed separately: it is not what this measures). Each size then takes the
first N articles in two layouts:

- dense: events in a fixed shuffled order, each event's articles together; every slice keeps ~0.3
  events per article over the same years, so happenings per week grow with N. That is the hard
  case for the merge's (week or month, key) index: each report has more events to tell apart;
- growing: the articles in the order of their happenings' dates, as a chronology grows over time:
  a larger corpus spans more time at the same density.

Per size: merge time (best of --repeat, untraced), peak memory of one more merge traced by
tracemalloc (tracing slows it, so that run is not timed), and the growth of both between sizes
against the growth of the corpus. Then clustering quality against the truth: pairwise precision
and recall over the articles' headline mentions (two headlines in one output event that report
one underlying event are a true pair), and how many month-precision recalls joined the event
they recall.

Run:  .venv/bin/python bench/merge_scaling.py [--sizes 1000 3000 10000] [--seed S] [--keep DIR]
      [--repeat R] [--profile]   (the defaults take well under a minute, most of it extraction)
Not a test: this machine is shared, read the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import hashlib
import itertools
import os
import pstats
import random
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract_throughput import MONTHS as KAZAKH_MONTHS  # noqa: E402  (a sibling script in bench/)

from generator.extract import Extraction, build_actor_index, extract  # noqa: E402
from generator.extract.vocabulary import date_words  # noqa: E402
from generator.ingest.actors import read_actors  # noqa: E402
from generator.ingest.articles import read_article  # noqa: E402
from generator.merge import merge  # noqa: E402
from generator.model import Actor, Document, Timeline  # noqa: E402

FIRST_DAY = dt.date(2022, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)
EVENTS_PER_ARTICLE = 0.3
ARTICLES_PER_EVENT = {1: 0.10, 2: 0.20, 3: 0.25, 4: 0.22, 5: 0.13, 6: 0.10}  # mean ≈ 3.4
PUBLICATION_LAG = {0: 0.5, 1: 0.35, 2: 0.15}  # days from the event to the report
UNDATED = 0.15  # share of leads that name no day: the publication dates them
YESTERDAY = 0.25  # share of reports a day late that say «вчера» / «кеше» instead of the date
RECALL = 0.4  # share of articles recalling an earlier event to the month
ALL_ACTORS = 0.6  # share of articles naming every actor of their event (others name the core)

BILATERAL = ("meeting", "talks", "phone-call")
WIDE = ("conference", "summit", "forum")
DOCUMENTS = ("memorandum", "agreement", "roadmap")
KINDS = {
    "meeting": 0.16,
    "talks": 0.14,
    "phone-call": 0.06,
    "conference": 0.10,
    "summit": 0.06,
    "forum": 0.08,
    "memorandum": 0.12,
    "agreement": 0.10,
    "roadmap": 0.06,
    "visit": 0.12,
}
TOPICS = {
    "critical-minerals": (
        "сотрудничество в сфере критически важных минералов",
        "маңызды минералдар саласындағы ынтымақтастықты",
    ),
    "uranium": ("экспорт урана", "уран экспортын"),
    "energy": ("проекты в энергетике", "энергетика саласындағы жобаларды"),
    "investment": ("привлечение инвестиций", "инвестиция тарту мәселесін"),
    "security": ("региональную безопасность", "өңірлік қауіпсіздік мәселелерін"),
    "education": ("открытие кампуса университета", "университет кампусын ашу мәселесін"),
    "processing": ("переработку сырья", "шикізатты өңдеу мәселесін"),
    "diversification": ("диверсификацию поставок", "жеткізілімдерді әртараптандыруды"),
    "partnership": ("развитие стратегического партнерства", "стратегиялық әріптестікті дамытуды"),
    "supply": ("надежность цепочек поставок", "жеткізу тізбектерінің сенімділігін"),
}
FILLER = {
    "ru": [
        "Стороны договорились продолжить работу на уровне экспертов.",
        "Подробности пока не раскрываются.",
        "Пресс-служба пообещала сообщить детали позднее.",
        "Эксперты называют итоги важным шагом для всего региона.",
        "По словам участников, обсуждение прошло в конструктивном ключе.",
        "Участники отметили высокий уровень двустороннего взаимодействия.",
        "Итоги будут представлены профильным ведомствам.",
    ],
    "kk": [
        "Тараптар жұмысты сарапшылар деңгейінде жалғастыруға уағдаласты.",
        "Егжей-тегжейі әзірге айтылмайды.",
        "Баспасөз қызметі толық ақпаратты кейінірек беретінін айтты.",
        "Сарапшылар бұл қадамды бүкіл өңір үшін маңызды деп бағалайды.",
        "Қатысушылардың айтуынша, талқылау сындарлы өтті.",
        "Қатысушылар екіжақты өзара іс-қимылдың жоғары деңгейін атап өтті.",
        "Қорытындылар тиісті ведомстволарға ұсынылады.",
    ],
}
# Month forms: Russian from the extractor's own data (nominative, genitive, dative, instrumental,
# prepositional); Kazakh from the extraction benchmark, since the data keeps only their stems.
MONTH_GENITIVE = [forms[1] for forms in date_words("ru")["months"]]
MONTH_PREPOSITIONAL = [forms[4] for forms in date_words("ru")["months"]]
MONTH_LOCATIVE_KK = KAZAKH_MONTHS["month_loc"]
MONTH_POSSESSIVE_KK = KAZAKH_MONTHS["month_poss"]
# Russian place names after «в»: where (prepositional) and where to (accusative).
RU_IN = {"Астана": "Астане", "Центральная Азия": "Центральной Азии"}
RU_TO = {"Астана": "Астану", "Центральная Азия": "Центральную Азию"}
# The lead's verb phrase per kind of happening (conference, summit, forum and visit are phrased apart).
RU_DONE = {
    "meeting": "провели встречу",
    "talks": "провели переговоры",
    "phone-call": "провели телефонный разговор",
    "memorandum": "подписали меморандум о сотрудничестве",
    "agreement": "подписали соглашение о сотрудничестве",
    "roadmap": "утвердили дорожную карту сотрудничества",
}
RU_GATHERING = {
    "conference": ("конференция", "прошла"),
    "summit": ("саммит", "прошел"),
    "forum": ("форум", "прошел"),
}
KK_DONE = {
    "meeting": "кездесті",
    "talks": "келіссөздер жүргізді",
    "phone-call": "телефон арқылы сөйлесті",
    "memorandum": "ынтымақтастық туралы меморандумға қол қойды",
    "agreement": "ынтымақтастық туралы келісімге қол қойды",
    "roadmap": "ынтымақтастықтың жол картасын бекітті",
}
# What a recalled happening was, for the recalling sentence.
RECALLED = {
    "meeting": ("состоялась встреча", "кездесу өткен"),
    "talks": ("прошли переговоры", "келіссөздер өткен"),
    "phone-call": ("состоялся телефонный разговор", "телефон арқылы сөйлесу болған"),
    "conference": ("прошла конференция", "конференция өткен"),
    "summit": ("прошел саммит", "саммит өткен"),
    "forum": ("прошел форум", "форум өткен"),
    "memorandum": ("был подписан меморандум", "меморандумға қол қойылған"),
    "agreement": ("было подписано соглашение", "келісімге қол қойылған"),
    "roadmap": ("была утверждена дорожная карта", "жол картасы бекітілген"),
    "visit": ("состоялся визит", "сапар болған"),
}


@dataclass
class Happening:
    number: int
    day: dt.date
    kind: str
    topic: str
    core: list[Actor]  # named by every report
    extra: list[Actor]  # named by some reports
    place: Actor | None

    @property
    def actors(self) -> list[Actor]:
        return self.core + self.extra


@dataclass
class Report:
    id: str
    happening: int
    language: str
    text: str
    recalls: int | None = None


@dataclass
class Truth:
    happening: dict[str, int] = field(default_factory=dict)  # source → event it reports
    recalls: dict[str, int] = field(default_factory=dict)  # source → event it recalls


# --- Names in sentences ------------------------------------------------------------------------

_KK_VOWELS = set("аәеёиоөуұүыіэюя")
_KK_BACK = set("аоұыуяё")
_KK_VOICELESS = set("пфкқтсшщхцчһ")


def _kk_last(word: str) -> tuple[str, bool]:
    """The last letter and whether the last vowel is a back vowel (Kazakh vowel harmony)."""
    lowered = word.lower()
    vowels = [ch for ch in lowered if ch in _KK_VOWELS]
    return lowered[-1], (not vowels or vowels[-1] in _KK_BACK)


def kk_and(first: str) -> str:
    """«мен / бен / пен» after `first`."""
    last, _ = _kk_last(first)
    if last in _KK_VOWELS or last in "лрймнңу":
        return "мен"
    return "бен" if last in "зж" else "пен"


def kk_in(place: str) -> str:
    last, back = _kk_last(place)
    consonant = "т" if last in _KK_VOICELESS else "д"
    return place + consonant + ("а" if back else "е")


def kk_to(place: str) -> str:
    last, back = _kk_last(place)
    if last in _KK_VOICELESS:
        return place + ("қа" if back else "ке")
    return place + ("ға" if back else "ге")


def ru_in(place: str) -> str:
    if place in RU_IN:
        return RU_IN[place]
    if place.endswith("а"):
        return place[:-1] + "е"
    return place + "е" if place[-1] not in "аеиоуыэюя" else place


def ru_to(place: str) -> str:
    if place in RU_TO:
        return RU_TO[place]
    return place[:-1] + "у" if place.endswith("а") else place


def listed(names: list[str], language: str) -> str:
    if len(names) == 1:
        return names[0]
    if language == "kk" and len(names) == 2:
        return f"{names[0]} {kk_and(names[0])} {names[1]}"
    return ", ".join(names[:-1]) + (" и " if language == "ru" else " және ") + names[-1]


def full_name(actor: Actor, language: str) -> str:
    return actor.names[language]


def short_name(actor: Actor, language: str) -> str:
    """A person's surname (their first alias); otherwise the shortest name the registry knows."""
    forms = [actor.names[language], *actor.aliases.get(language, [])]
    if actor.type == "person" and actor.aliases.get(language):
        return actor.aliases[language][0]
    return min(forms, key=len)


# --- The corpus --------------------------------------------------------------------------------


def pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def happenings(count: int, actors: dict[str, Actor], rng: random.Random) -> list[Happening]:
    usable = [a for a in actors.values() if not a.media]
    persons = [a for a in usable if a.type == "person"]
    countries = [a for a in usable if a.type == "country"]
    places = [a for a in usable if a.type == "place"]
    orgs = [a for a in usable if a.type == "org"]
    days = (LAST_DAY - FIRST_DAY).days + 1
    found = []
    for number in range(count):
        day = FIRST_DAY + dt.timedelta(rng.randrange(days))
        kind, topic = pick(rng, KINDS), rng.choice(list(TOPICS))
        place = rng.choice(places)
        extra: list[Actor] = []
        if kind in BILATERAL:
            first = rng.choice(persons)
            other = [p for p in persons if p.country != first.country] or persons
            core = [first, rng.choice([p for p in other if p is not first])]
            if kind == "phone-call":
                place = None
            elif rng.random() < 0.5:
                extra.append(rng.choice(orgs))
        elif kind in WIDE:
            core = [rng.choice(persons + orgs)]
            extra = rng.sample(persons + countries + orgs, rng.randint(0, 2))
            extra = [a for a in extra if a is not core[0]]
        elif kind in DOCUMENTS:
            core = rng.sample(countries, 2)
            if rng.random() < 0.5:
                extra.append(rng.choice(persons + orgs))
            place = place if rng.random() < 0.5 else None
        else:  # a visit: someone goes somewhere
            core = [rng.choice(persons)]
            if rng.random() < 0.5:
                extra.append(rng.choice(orgs))
        found.append(Happening(number, day, kind, topic, core, extra, place))
    return found


def recalled(event: Happening, events: list[Happening], by_actor: dict[str, list[int]], rng) -> int | None:
    """An earlier event (in the layout and at least a month before) sharing a named actor."""
    named = [a for a in event.actors if by_actor.get(a.id)]
    for _ in range(12):
        if not named:
            return None
        pool = by_actor[rng.choice(named).id]
        other = events[rng.choice(pool)]
        if other.number != event.number and other.day <= event.day - dt.timedelta(days=31):
            return other.number
    return None


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def lead(
    event: Happening, who: list[Actor], place: Actor | None, language: str, date: str
) -> tuple[str, str]:
    """The headline and the lead sentence; `date` is «10 марта », «вчера » or empty."""
    names = listed([full_name(a, language) for a in who], language)
    shorts = listed([short_name(a, language) for a in who], language)
    where = full_name(place, language) if place else None
    kind = event.kind
    if language == "ru":
        at = f" в {ru_in(where)}" if where else ""
        if kind in RU_DONE:
            done = RU_DONE[kind]
            return capital(f"{shorts} {done.split(' о ')[0]}"), capital(f"{date}{names} {done}{at}.")
        if kind in WIDE:
            noun, past = RU_GATHERING[kind]
            return (
                f"{capital(noun)}{at}: среди участников — {shorts}",
                capital(
                    f"{date}{at.strip()} {past} {noun}, среди участников — {names}.".replace(
                        "  ", " "
                    ).strip()
                ),
            )
        to = ru_to(where) if where else "Казахстан"
        return (
            f"Визит в {to}: в составе делегации — {shorts}",
            capital(f"{date}состоялся визит в {to}; в составе делегации — {names}."),
        )
    at = f"{kk_in(where)} " if where else ""
    if kind in KK_DONE:
        done = KK_DONE[kind]
        return capital(f"{shorts} {done.removeprefix('ынтымақтастық туралы ')}"), capital(
            f"{date}{names} {at}{done}."
        )
    if kind in WIDE:
        return capital(f"{at}{kind_kk(kind)} өтті"), capital(
            f"{date}{at}{kind_kk(kind)} өтті, оған {names} қатысты."
        )
    to = kk_to(where) if where else "Қазақстанға"
    return capital(f"{shorts} {to} сапармен барды"), capital(f"{date}{names} {to} ресми сапармен барды.")


def kind_kk(kind: str) -> str:
    return {"conference": "конференция", "summit": "саммит", "forum": "форум"}[kind]


def report(
    number: int, event: Happening, recall: Happening | None, language: str, rng: random.Random, seed: int
) -> tuple[str, str, int | None]:
    """(source id, seed-format text, the event it recalls) of one article reporting `event`."""
    lag = pick(rng, PUBLICATION_LAG)
    published = event.day + dt.timedelta(lag)
    if rng.random() < UNDATED:
        date = ""
    elif lag == 1 and rng.random() < YESTERDAY:
        date = "вчера " if language == "ru" else "кеше "
    elif language == "ru":
        date = f"{event.day.day} {MONTH_GENITIVE[event.day.month - 1]} "
    else:
        date = f"{event.day.day} {MONTH_LOCATIVE_KK[event.day.month - 1]} "
    if rng.random() < ALL_ACTORS:
        who, place = list(event.actors), event.place
    else:
        who = list(event.core) + [a for a in event.extra if rng.random() < 0.5]
        place = event.place if event.kind == "visit" or rng.random() < 0.5 else None
    if event.kind in BILATERAL or event.kind in DOCUMENTS:
        rng.shuffle(who)  # «Токаев и Трамп», «Трамп и Токаев»
    title, first = lead(event, who, place, language, date)
    topic = TOPICS[event.topic][0 if language == "ru" else 1]
    sentences = [first]
    if rng.random() < 0.85:
        sentences.append(f"Стороны обсудили {topic}." if language == "ru" else f"Тараптар {topic} талқылады.")
    sentences += rng.sample(FILLER[language], rng.randint(2, 3))
    # The recalling sentence names only actors this article names too.
    shared = [a for a in who if recall is not None and a in recall.actors]
    if shared:
        assert recall is not None
        names = listed([short_name(a, language) for a in shared], language)
        month, year = recall.day.month - 1, recall.day.year
        what_ru, what_kk = RECALLED[recall.kind]
        sentences.insert(
            len(sentences) - 1,
            f"Ранее, в {MONTH_PREPOSITIONAL[month]} {year} года, {what_ru}; среди участников — {names}."
            if language == "ru"
            else f"Еске салайық, {year} жылдың {MONTH_POSSESSIVE_KK[month]} {what_kk}, оған {names} қатысқан.",
        )
    if rng.random() < 0.5:
        sentences.append(rng.choice([s for s in FILLER[language] if s not in sentences]))
    source = "s" + hashlib.sha1(f"{seed}-{number}".encode()).hexdigest()[:16]
    text = f" date {published.isoformat()} {title}\n" + " ".join(sentences) + "\n"
    return source, text, recall.number if shared and recall is not None else None


def corpus(size: int, actors: dict[str, Actor], seed: int) -> tuple[list[Report], list[Happening]]:
    """`size` reports in their fixed order: events shuffled, each event's reports together."""
    rng = random.Random(seed)
    mean = sum(k * w for k, w in ARTICLES_PER_EVENT.items())
    events = happenings(int(size / mean * 1.1) + 10, actors, rng)
    by_actor: dict[str, list[int]] = {}
    reports: list[Report] = []
    for event in events:  # already in random order: their days were drawn at random
        earlier = recalled(event, events, by_actor, rng)
        for _ in range(pick(rng, ARTICLES_PER_EVENT)):
            language = "ru" if rng.random() < 0.5 else "kk"
            recall = events[earlier] if earlier is not None and rng.random() < RECALL else None
            source, text, recalls = report(len(reports), event, recall, language, rng, seed)
            reports.append(Report(source, event.number, language, text, recalls))
            if len(reports) == size:
                return reports, events[: event.number + 1]
        for actor in event.actors:
            by_actor.setdefault(actor.id, []).append(event.number)
    raise RuntimeError("ran out of events: raise the event count")


# --- Measuring ---------------------------------------------------------------------------------


def merged(documents: list[Document], extractions: dict[str, Extraction], actors) -> Timeline:
    return merge(documents, extractions, [], actors, [], ["ru", "kk", "en"])


def pairs(groups: Counter) -> int:
    return sum(k * (k - 1) // 2 for k in groups.values())


def quality(timeline: Timeline, documents: list[Document], extractions, truth: Truth) -> dict:
    """Pairwise precision and recall of the headline mentions; recalls that found their event."""
    landed: dict[tuple, int] = {}
    for number, event in enumerate(timeline.events):
        for reported in event.reported_dates:
            landed[(reported.source, reported.rule, reported.span)] = number
    headline_event: dict[str, int] = {}
    unplaced = 0
    for document in documents:
        headline = extractions[document.id].headline
        key = (document.id, headline.rule, headline.when) if headline else None
        if key in landed:
            headline_event[document.id] = landed[key]
        else:
            unplaced += 1
            headline_event[document.id] = -1 - len(headline_event)  # a group of its own
    true_groups = Counter(truth.happening[d.id] for d in documents)
    out_groups = Counter(headline_event.values())
    both = Counter((truth.happening[d.id], headline_event[d.id]) for d in documents)
    true_pairs, out_pairs, shared = pairs(true_groups), pairs(out_groups), pairs(both)
    # A recall found its event if it landed with a headline that reports the recalled event.
    reporting: dict[int, set[int]] = {}
    for source, number in headline_event.items():
        reporting.setdefault(number, set()).add(truth.happening[source])
    present = set(true_groups)
    recalls = found = 0
    for document in documents:
        target = truth.recalls.get(document.id)
        if target is None or target not in present:
            continue
        recalls += 1
        for mention in extractions[document.id].mentions:
            if mention.headline or mention.when.precision != "month":
                continue
            number = landed.get((document.id, mention.rule, mention.when))
            found += number is not None and target in reporting.get(number, set())
            break
    return {
        "true_events": len(true_groups),
        "events_with_headlines": len({n for n in out_groups if n >= 0}),
        "unplaced": unplaced,
        "true_pairs": true_pairs,
        "output_pairs": out_pairs,
        "precision": shared / out_pairs if out_pairs else 1.0,
        "recall": shared / true_pairs if true_pairs else 1.0,
        "recalls": recalls,
        "recalls_found": found,
    }


def measure(part: list[Document], extractions, actors, truth: Truth, repeat: int) -> tuple:
    mentions = sum(len(extractions[d.id].mentions) for d in part)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        timeline = merged(part, extractions, actors)
        best = min(best, time.perf_counter() - started)
    del timeline
    gc.collect()
    tracemalloc.start()
    timeline = merged(part, extractions, actors)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return len(part), mentions, len(timeline.events), best, peak, quality(timeline, part, extractions, truth)


def print_rows(rows: list[tuple], repeat: int) -> None:
    print(f"merge (best of {repeat}, one core; peak memory from a separate traced run)")
    print(f"{'articles':>9} {'mentions':>9} {'events':>7} {'merge s':>8} {'µs/mention':>11} {'peak MiB':>9}")
    for size, mentions, produced, best, peak, _ in rows:
        print(
            f"{size:>9} {mentions:>9} {produced:>7} {best:>8.3f} {best / mentions * 1e6:>11.1f} "
            f"{peak / 2**20:>9.1f}"
        )
    if len(rows) > 1:
        print("growth between consecutive sizes (linear: time × and memory × equal articles ×)")
        print(f"{'sizes':>13} {'articles ×':>10} {'mentions ×':>10} {'time ×':>7} {'memory ×':>8}")
        for before, after in itertools.pairwise(rows):
            print(
                f"{f'{before[0]}→{after[0]}':>13} {after[0] / before[0]:>10.2f} "
                f"{after[1] / before[1]:>10.2f} {after[3] / before[3]:>7.2f} {after[4] / before[4]:>8.2f}"
            )
    print("clustering of headline mentions against the truth (pairwise)")
    print(
        f"{'articles':>9} {'true ev':>8} {'out ev':>7} {'true pairs':>10} {'out pairs':>10} "
        f"{'precision':>9} {'recall':>7} {'recalls joined':>15}"
    )
    for size, _, _, _, _, q in rows:
        joined = f"{q['recalls_found']}/{q['recalls']}"
        print(
            f"{size:>9} {q['true_events']:>8} {q['events_with_headlines']:>7} {q['true_pairs']:>10} "
            f"{q['output_pairs']:>10} {q['precision']:>9.3f} {q['recall']:>7.3f} {joined:>15}"
            + (f"  ({q['unplaced']} headlines not found in the output)" if q["unplaced"] else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000], help="articles per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed merges per size, best kept (default 3)")
    parser.add_argument("--keep", type=Path, help="write the articles to DIR and keep them")
    parser.add_argument("--profile", action="store_true", help="profile the largest merge, top functions")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    actors = read_actors(ROOT / "content" / "actors.toml")
    reports, events = corpus(sizes[-1], actors, args.seed)
    truth = Truth(
        {r.id: r.happening for r in reports}, {r.id: r.recalls for r in reports if r.recalls is not None}
    )
    languages = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for r in reports:
            (folder / f"{r.id}.txt").write_text(r.text, encoding="utf-8")
        documents = [read_article(folder / f"{r.id}.txt") for r in reports]
    languages.update(d.language for d in documents)
    misread = sum(d.language != r.language for d, r in zip(documents, reports, strict=True))
    mean_chars = sum(len(d.text) for d in documents) / len(documents)
    print(
        f"corpus: {len(documents)} articles ({', '.join(f'{n} {k}' for k, n in sorted(languages.items()))}; "
        f"mean {mean_chars:.0f} chars), {len(events)} events, "
        f"{min(e.day for e in events)} … {max(e.day for e in events)}, seed {args.seed}"
        + (f", kept in {args.keep}" if args.keep else "")
    )
    if misread:
        print(f"warning: the reader took {misread} articles for another language than they were written in")
    started = time.perf_counter()
    index = build_actor_index(actors)
    extractions = {d.id: extract(d, index) for d in documents}
    seconds = time.perf_counter() - started
    print(
        f"extraction (not timed below): {len(documents)} articles in {seconds:.1f} s, "
        f"{len(documents) / seconds:.0f} articles/s"
    )
    merged(documents[: sizes[0]], extractions, actors)  # warm caches (concept table, lru caches)

    day = {event.number: event.day for event in events}
    layouts = (
        (
            "dense: every size spans the same years, so happenings per week grow with the corpus",
            documents,
        ),
        (
            "growing: the same corpus in the order of its happenings' dates, as a chronology grows over time",
            sorted(documents, key=lambda d: (day[truth.happening[d.id]], d.id)),
        ),
    )
    for title, ordered in layouts:
        print()
        print(f"== {title}")
        rows = [measure(ordered[:size], extractions, actors, truth, args.repeat) for size in sizes]
        print_rows(rows, args.repeat)

    if args.profile:
        print()
        profiler = cProfile.Profile()
        profiler.enable()
        merged(documents[: sizes[-1]], extractions, actors)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(20)


if __name__ == "__main__":
    main()
