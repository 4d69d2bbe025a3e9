"""Ingest: content/ files become documents and notes, and bad files give errors an editor can act on.

Expected values are read off the input text (the seeds in content/articles/ and the small files in
tests/fixtures/ingest/), never off the program's output.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from generator.errors import ContentError, ContentErrors
from generator.extract import build_actor_index, extract
from generator.ingest import read_article, read_content
from generator.ingest.actors import read_actors
from generator.ingest.text import detect_language
from generator.model import DateSpan, PartialDate

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "content" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
FIXTURE_ARTICLES = FIXTURES / "articles"

SEEDS = {
    "000_ecbba20fa6e673df": ("ru", PartialDate(2026, 2, 5), "header"),
    "001_5b92ebe4e21aa3de": ("kk", PartialDate(2026, 2, 5), "header"),
    "002_c61c0215de82188b": ("ru", None, "none"),
    "003_7f436facd6af26cd": ("ru", PartialDate(2025, 11, 7), "header"),
    "004_d853599c384533a9": ("ru", PartialDate(2026, 2, 26), "header"),
}


def seed_path(stem: str) -> Path:
    return ARTICLES / f"{stem}.txt"


# --- 1. the five seed articles -------------------------------------------------------------------


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_article_metadata(stem):
    language, published, published_from = SEEDS[stem]
    path = seed_path(stem)
    doc = read_article(path)
    assert doc.id == stem
    assert doc.path == path
    assert doc.language == language
    assert doc.published == published
    assert doc.published_from == published_from
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.text == path.read_bytes().decode("utf-8")
    assert doc.encoding == "utf-8"


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_article_title(stem):
    path = seed_path(stem)
    doc = read_article(path)
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    published = SEEDS[stem][1]
    if published is not None:
        # ` date YYYY-MM-DD <headline>`: the headline is the rest of the line.
        prefix = f" date {published.edtf} "
        assert first_line.startswith(prefix)
        expected = first_line[len(prefix) :].strip()
    else:
        expected = first_line.strip()
    assert doc.title == expected
    assert doc.title
    assert doc.text[slice(*doc.title_span)] == doc.title
    assert not doc.body.lstrip().startswith(doc.title)
    assert doc.title not in doc.body.lstrip().split("\n", 1)[0]


def test_seed_000_title_is_rest_of_date_line():
    doc = read_article(seed_path("000_ecbba20fa6e673df"))
    assert doc.title.startswith("Он отметил, что РК способна обеспечивать поставки 20 из 60")
    assert doc.title.endswith("в стратегических секторах мировой экономики")
    assert doc.title_span[0] == len(" date 2026-02-05 ")


def test_seed_002_title_is_first_line():
    doc = read_article(seed_path("002_c61c0215de82188b"))
    assert doc.title == "Казахстан и США нацелены на дальнейшее развитие стратегического партнерства"
    assert doc.title_span == (0, len(doc.title))
    assert doc.body.startswith("Глава МИД Казахстана Ермек Кошербаев провел встречу")


def test_seed_004_title():
    doc = read_article(seed_path("004_d853599c384533a9"))
    assert doc.title.startswith("Британия и Казахстан решили")
    assert doc.title == "Британия и Казахстан решили создать сырьевой альянс критических минералов"


# --- 2. extraction infers 002's publication date -------------------------------------------------


def test_extraction_infers_publication_date_of_002():
    doc = read_article(seed_path("002_c61c0215de82188b"))
    index = build_actor_index(read_actors(REPO / "content" / "actors.toml"))
    result = extract(doc, index)
    assert result.published == PartialDate(2026, 2, 5)
    assert result.published_from == "inferred"
    evidence = result.published_evidence
    assert evidence is not None
    assert evidence.text == "в четверг, 5 февраля"
    assert doc.text[slice(*evidence.span)] == "в четверг, 5 февраля"
    assert (evidence.start, evidence.end, evidence.precision) == (
        dt.date(2026, 2, 5),
        dt.date(2026, 2, 5),
        "day",
    )


# --- 3. UTF-8 with a BOM ------------------------------------------------------------------------


def test_utf8_bom_article():
    path = FIXTURE_ARTICLES / "bom_article.txt"
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    doc = read_article(path)
    assert doc.encoding == "utf-8-sig"
    assert "\ufeff" not in doc.text
    assert doc.text.startswith(" date 2025-11-07 ")
    assert doc.published == PartialDate(2025, 11, 7)
    assert doc.published_from == "header"
    assert doc.title == "Заголовок статьи о минералах"
    assert doc.text[slice(*doc.title_span)] == doc.title
    assert doc.body.strip() == "Первый абзац статьи."
    assert doc.language == "ru"


# --- 4. cp1251 and undecodable files -------------------------------------------------------------


def test_cp1251_article():
    path = FIXTURE_ARTICLES / "cp1251_article.txt"
    original = (
        "Казахстан и Великобритания подписали соглашение\n"
        "Стороны договорились о поставках редкоземельных металлов.\n"
    )
    assert path.read_bytes() == original.encode("cp1251")
    doc = read_article(path)
    assert doc.encoding == "cp1251"
    assert doc.text == original
    assert doc.title == "Казахстан и Великобритания подписали соглашение"
    assert doc.text[slice(*doc.title_span)] == doc.title
    assert doc.body == "Стороны договорились о поставках редкоземельных металлов.\n"
    assert doc.language == "ru"
    assert doc.published is None
    assert doc.published_from == "none"
    assert doc.content_hash == hashlib.sha256(original.encode("cp1251")).hexdigest()


@pytest.mark.parametrize(
    ("name", "line"),
    [
        # Western European text in Latin-1: é, à, ä, ö, ü are Cyrillic letters in cp1251, but
        # «Le ministre a visitй l'йcole» is mojibake, not Russian. First accented letter: line 3.
        ("latin1_article.txt", 3),
        # No text at all: the first high byte is on line 2.
        ("high_bytes.txt", 2),
    ],
)
def test_undecodable_article_is_refused(name, line):
    path = FIXTURE_ARTICLES / name
    with pytest.raises(ContentError) as info:
        read_article(path)
    message = str(info.value)
    assert str(path) in message
    assert info.value.line == line
    assert f"{path}:{line}:" in message
    assert "UTF-8" in message
    assert "save" in message.lower()


# --- 5. Markdown article with front matter -------------------------------------------------------


def test_markdown_article_with_front_matter():
    path = FIXTURE_ARTICLES / "front_matter_article.md"
    doc = read_article(path)
    assert doc.id == "front_matter_article"
    assert doc.title == "Британия и Казахстан подписали соглашение"
    assert doc.text[slice(*doc.title_span)] == doc.title
    assert doc.published == PartialDate(2026, 2, 26)
    assert doc.published_from == "front_matter"
    assert doc.language == "ru"
    assert doc.outlet == "Взгляд"
    assert doc.body == "Стороны договорились о поставках критических минералов.\n"
    assert doc.encoding == "utf-8"
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


# --- 6. notes ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def notes_ok():
    content = read_content(FIXTURES / "notes_ok" / "content")
    return {note.id: note for note in content.notes}


def test_notes_folder_reads_everything(notes_ok):
    content = read_content(FIXTURES / "notes_ok" / "content")
    assert set(content.actors) == {"kazakhstan", "usa", "kosherbayev"}
    assert [doc.id for doc in content.documents] == ["100_sample"]
    assert sorted(notes_ok) == ["memorandum", "ministerial", "partnership", "talks", "two-days"]
    assert content.pages == []


def test_yaml_multilingual_note(notes_ok):
    note = notes_ok["ministerial"]
    folder = FIXTURES / "notes_ok" / "content" / "notes"
    assert note.paths == [folder / "ministerial.md"]
    assert note.title == {
        "ru": "Министерская конференция в Вашингтоне",
        "kk": "Вашингтондағы министрлік конференция",
    }
    assert note.summary == {
        "ru": "Кошербаев выступил на конференции.",
        "kk": "Көшербаев конференцияда сөйледі.",
    }
    assert note.body == {
        "ru": "Первый абзац по-русски.\n\nВторой абзац.",
        "kk": "Қазақша бірінші абзац.",
    }
    assert note.actors == ["kazakhstan", "usa", "kosherbayev"]
    assert note.sources == ["100_sample"]
    assert note.tags == ["minerals", "usa"]
    assert note.kind == "occurred"
    assert note.span.start == PartialDate(2026, 2, 5)
    assert note.span.end is None
    assert note.span.precision == "day"


def test_toml_note_with_month_date(notes_ok):
    note = notes_ok["memorandum"]
    assert note.span.start == PartialDate(2023, 3)
    assert note.span.end is None
    assert note.span.precision == "month"
    assert note.title == {"ru": "Меморандум о минералах", "kk": "Минералдар туралы меморандум"}
    assert note.body == {"ru": "Меморандум подписан в марте."}
    assert note.actors == ["kazakhstan"]
    assert note.sources == []
    assert note.kind == "occurred"


def test_toml_note_with_integer_year(notes_ok):
    note = notes_ok["partnership"]
    assert note.span.start == PartialDate(2024)
    assert note.span.precision == "year"
    assert note.kind == "planned"
    assert note.title == {"ru": "Стратегическое партнёрство", "kk": "Стратегиялық әріптестік"}
    assert note.body == {}


def test_hugo_pair_is_one_note(notes_ok):
    note = notes_ok["talks"]
    folder = FIXTURES / "notes_ok" / "content" / "notes"
    assert sorted(note.paths) == sorted([folder / "talks.ru.md", folder / "talks.kk.md"])
    assert note.title == {"ru": "Переговоры в Вашингтоне", "kk": "Вашингтондағы келіссөздер"}
    assert note.body == {
        "ru": "Министры обсудили сотрудничество.",
        "kk": "Министрлер ынтымақтастықты талқылады.",
    }
    assert note.span == DateSpan(PartialDate(2026, 2, 5))
    assert note.actors == ["kazakhstan", "usa"]
    assert note.sources == ["100_sample"]
    assert note.tags == ["talks"]
    assert note.kind == "occurred"


def test_range_date_note(notes_ok):
    note = notes_ok["two-days"]
    assert note.span.start == PartialDate(2026, 2, 4)
    assert note.span.end == PartialDate(2026, 2, 5)
    assert note.span.precision == "day"
    assert note.kind == "occurred"  # the default
    assert note.title == {"ru": "Двухдневная встреча", "kk": "Екі күндік кездесу"}


def test_pair_that_disagrees_on_date():
    folder = FIXTURES / "notes_pair_conflict" / "content"
    date_lines = {"meeting.kk.md": 2, "meeting.ru.md": 4}  # where `date:` is written in each file
    with pytest.raises(ContentErrors) as info:
        read_content(folder)
    assert len(info.value.errors) == 1
    error = info.value.errors[0]
    assert error.path.name in date_lines
    assert error.line == date_lines[error.path.name]
    other = next(name for name in date_lines if name != error.path.name)
    message = str(info.value)
    assert f"{error.path}:{error.line}:" in message
    assert f"{other}:{date_lines[other]}" in message
    assert "fix:" in message


def test_pair_conflict_message_shows_the_dates_as_written():
    # The editor wrote `date: 2026-02-05` and `date: 2026-02-06`; the message should show those,
    # not Python reprs such as datetime.date(2026, 2, 6).
    with pytest.raises(ContentErrors) as info:
        read_content(FIXTURES / "notes_pair_conflict" / "content")
    message = str(info.value)
    assert "2026-02-05" in message
    assert "2026-02-06" in message
    assert "datetime" not in message


def content_with_note(tmp_path: Path, note_name: str) -> Path:
    """notes_ok's actors and article, plus one note from bad_notes/."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "notes_ok" / "content" / "articles", content / "articles")
    shutil.copy(FIXTURES / "notes_ok" / "content" / "actors.toml", content / "actors.toml")
    (content / "notes").mkdir()
    shutil.copy(FIXTURES / "bad_notes" / note_name, content / "notes" / note_name)
    return content


@pytest.mark.parametrize(
    ("note_name", "line", "words"),
    [
        ("unknown-actor.md", 4, ["atlantis", "actors.toml"]),
        ("missing-source.md", 5, ["999_no_such_article", "content/articles"]),
        ("bad-date.md", 3, ["2025-13-01", "YYYY-MM-DD"]),
        ("bad-date-quoted.md", 3, ["month 13", "YYYY-MM-DD"]),
        ("unclosed.md", 1, ["never closed", "add a line with ---"]),
        ("invalid-yaml.md", 4, ["not valid YAML", "quote values"]),
        ("invalid-toml.md", 3, ["not valid TOML", "quotes"]),
        ("unknown-kind.md", 4, ["happened", "occurred, planned, cancelled, target"]),
    ],
)
def test_bad_note_is_reported_with_file_line_and_fix(tmp_path, note_name, line, words):
    content = content_with_note(tmp_path, note_name)
    with pytest.raises(ContentErrors) as info:
        read_content(content)
    assert len(info.value.errors) == 1
    error = info.value.errors[0]
    path = content / "notes" / note_name
    assert Path(error.path) == path
    assert error.line == line
    message = str(info.value)
    assert f"{path}:{line}:" in message
    assert "fix:" in message
    assert error.fix
    for word in words:
        assert word in message


def test_all_errors_reported_at_once():
    folder = FIXTURES / "notes_two_bad" / "content"
    with pytest.raises(ContentErrors) as info:
        read_content(folder)
    errors = info.value.errors
    assert len(errors) == 2
    assert sorted((Path(e.path).name, e.line) for e in errors) == [
        ("first-bad.md", 4),  # actors: [kazakhstan, nobody]
        ("second-bad.md", 4),  # kind: happened
    ]
    message = str(info.value)
    assert "nobody" in message
    assert "happened" in message


# --- 7. language detection -----------------------------------------------------------------------


def test_detect_kazakh():
    sentence = (
        "ҚР Сыртқы істер министрі Вашингтонда өткен маңызды минералдар жөніндегі "
        "министрлік конференцияға қатысты."
    )
    assert detect_language(sentence) == "kk"


@pytest.mark.parametrize(
    "name",
    ["Ермек Көшербаев", "Қасым-Жомарт Тоқаев"],
    ids=["one-kazakh-letter", "two-kazakh-letters"],
)
def test_detect_russian_with_a_kazakh_name(name):
    sentence = f"Министр иностранных дел провёл встречу, в которой участвовал {name}, в Вашингтоне."
    assert detect_language(sentence) == "ru"


def test_detect_english():
    sentence = "Kazakhstan and the United States signed a memorandum on critical minerals in Washington."
    assert detect_language(sentence) == "en"


def test_an_actor_named_in_one_language_builds_with_marked_transliterations(tmp_path):
    import json

    from sites import empty_registry_site

    from generator.build import build_site

    site = empty_registry_site(
        tmp_path,
        {"visit_ru.txt": " date 2026-03-02 Визит в Астану\n\n2 марта Нурлан Омаров посетил Астану.\n"},
    )
    (site / "content" / "actors.toml").write_text(
        '[omarov]\ntype = "person"\nnames = { ru = "Нурлан Омаров" }\naliases = { ru = ["Омаров"] }\n',
        "utf-8",
    )
    report = build_site(site)
    warnings = [w for w in report.timeline.warnings if "[omarov]" in w]
    assert len(warnings) == 2 and any("no en name" in w and "«Nurlan Omarov»" in w for w in warnings)
    data = json.loads((report.output / "data" / "timeline.json").read_text("utf-8"))
    [omarov] = data["actors"]
    assert omarov["names"] == {"ru": "Нурлан Омаров", "kk": "Нурлан Омаров", "en": "Nurlan Omarov"}
    assert omarov["guessed_names"] == ["en", "kk"]
    english = (report.output / "en" / "actors" / "omarov.html").read_text("utf-8")
    assert '<h1><i class="guessed" title="Transliterated name">Nurlan Omarov</i></h1>' in english
    assert "transliteration" in english
    russian = (report.output / "ru" / "actors" / "omarov.html").read_text("utf-8")
    assert "<h1>Нурлан Омаров</h1>" in russian and 'class="guessed"' not in russian


def test_articles_read_by_an_earlier_build_are_taken_again_unless_their_bytes_changed(site_copy):

    known: dict = {}
    first = {doc.id: doc for doc in read_content(site_copy / "content", known).documents}
    article = site_copy / "content/articles/002_c61c0215de82188b.txt"
    article.write_text(article.read_text("utf-8") + "\nРедакция дополнила материал.\n", "utf-8")
    second = {doc.id: doc for doc in read_content(site_copy / "content", known).documents}
    assert second["002_c61c0215de82188b"] is not first["002_c61c0215de82188b"]
    assert second["002_c61c0215de82188b"].text.endswith("Редакция дополнила материал.\n")
    assert all(second[i] is first[i] for i in first if i != "002_c61c0215de82188b")
    assert set(known) == {doc.path for doc in second.values()}
    assert second == {doc.id: doc for doc in read_content(site_copy / "content").documents}
