"""A generated site the size of a real archive, for bench/site_scale.py, and a Hugo site of as many pages.

The chronology site: site.toml in Russian, Kazakh and English; the example site's actor registry;
articles in the seed format, 250–500 words in 3–6 paragraphs. Russian and Kazakh articles report
happenings several times over (bench/merge_scaling.py writes their leads: a happening reported
by 1–6 outlets, dated by the lead, «вчера» or the publication day); English articles, a third of
the whole, are written from the extraction benchmark's sentences. Every paragraph after the lead is
filled from the same sentence stock (dates, actors, numbers that must not become dates). One note
per ten articles claims a happening's reports, with a title, summary and body in each language.

The Hugo site: as many Markdown pages of the same lengths, a minimal layout (base, single, list)
and no taxonomies, so that both tools write about the same number of HTML pages.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from extract_throughput import sentence as stock_sentence
from merge_scaling import Report, corpus

from generator.ingest.actors import read_actors

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ru", "kk", "en")
ENGLISH_SHARE = 1 / 3
NOTES_PER_ARTICLE = 0.1
WORDS = (250, 500)
PARAGRAPHS = (3, 6)

SITE_TOML = """\
languages = ["ru", "kk", "en"]
default_language = "ru"
base_url = "https://example.org/scale/"

[title]
ru = "Хроника архива"
kk = "Мұрағат хроникасы"
en = "An archive's chronology"

[description]
ru = "Хроника, собранная из сообщений СМИ."
kk = "БАҚ хабарларынан құрылған хроника."
en = "A chronology built from news reports."
"""

NOTE_TITLES = {
    "ru": "Событие №{n}: итоги по сообщениям СМИ",
    "kk": "№{n} оқиға: БАҚ хабарлары бойынша қорытынды",
    "en": "Happening no. {n}: what the reports say",
}
NOTE_SUMMARIES = {
    "ru": "Несколько изданий сообщили об одном и том же событии; здесь собраны их сведения.",
    "kk": "Бірнеше басылым бір оқиға туралы хабарлады; мұнда олардың мәліметтері жиналған.",
    "en": "Several outlets reported the same happening; their accounts are gathered here.",
}


@dataclass
class Sizes:
    articles: int
    notes: int


def sentence(language: str, rng: random.Random) -> str:
    return stock_sentence(language, rng, 0.03)  # most of a paragraph is not a dated report


def paragraphs(lead: list[str], language: str, rng: random.Random) -> list[str]:
    """The lead paragraph, then filled paragraphs until the article has its drawn length."""
    words = rng.randint(*WORDS)
    count = rng.randint(*PARAGRAPHS)
    body = [" ".join(lead)]
    written = len(body[0].split())
    for index in range(1, count):
        share = (words - written) // (count - index)
        paragraph: list[str] = []
        while sum(len(s.split()) for s in paragraph) < share:
            paragraph.append(sentence(language, rng))
        body.append(" ".join(paragraph))
        written += sum(len(s.split()) for s in paragraph)
    return body


def seed_article(report: Report, rng: random.Random) -> str:
    header, lead = report.text.split("\n", 1)
    return header + "\n\n" + "\n\n".join(paragraphs([lead.strip()], report.language, rng)) + "\n"


def english_article(number: int, rng: random.Random) -> tuple[str, str]:
    day = f"20{rng.randint(22, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = sentence("en", rng).rstrip(".")
    body = paragraphs([sentence("en", rng), sentence("en", rng)], "en", rng)
    return f"en{number:06d}", f" date {day} {title}\n\n" + "\n\n".join(body) + "\n"


def note(number: int, reports: list[Report], day: str, rng: random.Random) -> str:
    sources = ", ".join(f'"{r.id}"' for r in reports)
    lines = ["+++", f'date = "{day}"', 'kind = "occurred"', f"sources = [{sources}]", "", "[title]"]
    lines += [f'{lang} = "{NOTE_TITLES[lang].format(n=number)}"' for lang in LANGUAGES]
    lines += ["", "[summary]"]
    lines += [f'{lang} = "{NOTE_SUMMARIES[lang]}"' for lang in LANGUAGES]
    lines.append("+++")
    for lang in LANGUAGES:
        lines += [f"<!-- lang: {lang} -->", ""]
        lines += [" ".join(sentence(lang, rng) for _ in range(4)) + "\n" for _ in range(2)]
    return "\n".join(lines) + "\n"


def _fresh(site: Path, *folders: str) -> list[Path]:
    """`site` emptied (made if missing), with `folders` made in it."""
    if site.exists():
        shutil.rmtree(site)
    made = [site / folder for folder in folders]
    for folder in made:
        folder.mkdir(parents=True)
    return made


def write_site(site: Path, sizes: Sizes, seed: int = 1) -> None:
    """The chronology site of `sizes` in `site` (made or emptied first)."""
    articles, notes = _fresh(site, "content/articles", "content/notes")
    (site / "site.toml").write_text(SITE_TOML, "utf-8")
    shutil.copy(ROOT / "content" / "actors.toml", site / "content" / "actors.toml")
    rng = random.Random(seed)
    english = round(sizes.articles * ENGLISH_SHARE)
    actors = read_actors(ROOT / "content" / "actors.toml")
    reports, happenings = corpus(sizes.articles - english, actors, seed)
    for report in reports:
        (articles / f"{report.id}.txt").write_text(seed_article(report, rng), "utf-8")
    for number in range(english):
        source, text = english_article(number, rng)
        (articles / f"{source}.txt").write_text(text, "utf-8")
    by_happening: dict[int, list[Report]] = {}
    for report in reports:
        by_happening.setdefault(report.happening, []).append(report)
    claimed = [h for h in happenings if len(by_happening.get(h.number, [])) >= 2][: sizes.notes]
    for number, happening in enumerate(claimed, 1):
        text = note(number, by_happening[happening.number], happening.day.isoformat(), rng)
        (notes / f"happening-{number:05d}.md").write_text(text, "utf-8")


HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Scale"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
"""
HUGO_LAYOUTS = {
    "baseof.html": (
        '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '</head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>'
    "{{ .Content }}{{ end }}\n",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}


def write_hugo_site(site: Path, pages: int, seed: int = 1) -> None:
    """A Hugo site that writes `pages` HTML pages: one section list, the home page and the rest singles."""
    posts, layouts = _fresh(site, "content/posts", "layouts/_default")
    (site / "hugo.toml").write_text(HUGO_CONFIG, "utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, "utf-8")
    rng = random.Random(seed)
    for number in range(max(pages - 2, 1)):
        language = LANGUAGES[number % 3]
        title = sentence(language, rng).rstrip(".").replace('"', "'")
        body = paragraphs([sentence(language, rng)], language, rng)
        front = f'+++\ntitle = "{title}"\ndate = 2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}\n+++\n'
        (posts / f"post-{number:06d}.md").write_text(front + "\n" + "\n\n".join(body) + "\n", "utf-8")
