"""data/: TimelineJS3 slides, the iCalendar file and the CSV, read back by independent readers."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.build import build_site
from generator.config import load_config

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example.org/critical-minerals/"
MEMORANDUM = "2025-11-06-kz-us-critical-minerals-mou"
G20 = "g20-miami-summit"
TARGET = "uk-2035-supply-concentration-target"
EXAMPLE_CONFIG = load_config(ROOT)


def build_copy(site: Path, base_url: str) -> Path:
    path = site / "site.toml"
    text = re.sub(r"(?m)^base_url = .*$", f'base_url = "{base_url}"', path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return build_site(site, site.parent / "public").output


def model(output: Path) -> dict:
    return json.loads((output / "data" / "timeline.json").read_text(encoding="utf-8"))


def words(text: str) -> str:
    """CLDR keeps «2025 г.» together with a no-break space: compare words, not spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# --- a small iCalendar reader, written from RFC 5545 rather than from the exporter -------------


def ics_lines(data: bytes) -> list[bytes]:
    """The physical lines, after checking CRLF endings, 75-octet limit and whole UTF-8 characters."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, line
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never cuts a character in two
    return lines


def ics_unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def ics_components(data: bytes) -> list[dict[str, list[tuple[dict[str, str], str]]]]:
    """VCALENDAR then each VEVENT: name → [(parameters, raw value)]."""
    logical: list[str] = []
    for line in ics_lines(data):
        text = line.decode("utf-8")
        if text.startswith((" ", "\t")):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    components: list[dict] = []
    stack: list[dict] = []
    for line in logical:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        if name == "BEGIN":
            stack.append({"BEGIN": [({}, value)]})
            continue
        if name == "END":
            component = stack.pop()
            assert component["BEGIN"][0][1] == value
            components.append(component)
            continue
        stack[-1].setdefault(name, []).append((dict(p.split("=", 1) for p in params), value))
    assert not stack
    return sorted(components, key=lambda c: c["BEGIN"][0][1] != "VCALENDAR")


def one(component: dict, name: str) -> tuple[dict[str, str], str]:
    values = component[name]
    assert len(values) == 1, name
    return values[0]


def vevents(data: bytes) -> dict[str, dict]:
    events = [c for c in ics_components(data) if c["BEGIN"][0][1] == "VEVENT"]
    return {one(e, "UID")[1].rsplit("@", 1)[0]: e for e in events}


# --- iCalendar -----------------------------------------------------------------------------------


def test_calendar_has_one_all_day_event_per_event(example_build):
    data = (example_build.output / "data" / "events.ics").read_bytes()
    calendar = ics_components(data)[0]
    assert one(calendar, "VERSION")[1] == "2.0"
    assert one(calendar, "PRODID")[1]
    assert one(calendar, "CALSCALE")[1] == "GREGORIAN"
    events = model(example_build.output)["events"]
    found = vevents(data)
    assert len(found) == len(events) == len([c for c in ics_components(data) if c["BEGIN"][0][1] == "VEVENT"])
    assert set(found) == {e["id"] for e in events}
    host = re.sub(r"^\w+://([^/:]+).*$", r"\1", EXAMPLE_CONFIG.base_url) or "timeline"
    for event in events:
        vevent = found[event["id"]]
        assert one(vevent, "UID")[1] == f"{event['id']}@{host}"
        assert re.fullmatch(r"\d{8}T000000Z", one(vevent, "DTSTAMP")[1])
        start, end = one(vevent, "DTSTART"), one(vevent, "DTEND")
        assert start[0] == end[0] == {"VALUE": "DATE"}
        assert start[1] == event["date"]["start"].replace("-", "")
        assert start[1] < end[1]
        assert ics_unescape(one(vevent, "SUMMARY")[1]) == (event["title"].get("ru") or event["title"]["kk"])


def test_the_memorandum_is_one_day_on_6_november_2025(example_build):
    vevent = vevents((example_build.output / "data" / "events.ics").read_bytes())[MEMORANDUM]
    assert one(vevent, "DTSTART") == ({"VALUE": "DATE"}, "20251106")
    assert one(vevent, "DTEND") == ({"VALUE": "DATE"}, "20251107")  # exclusive: the next day
    assert one(vevent, "DTSTAMP")[1] == "20260205T000000Z"  # its latest source, not the clock
    assert one(vevent, "STATUS")[1] == "CONFIRMED"
    params, summary = one(vevent, "SUMMARY")
    assert params == {"LANGUAGE": "ru"}
    assert ics_unescape(summary) == "Казахстан и США подписали меморандум о критических минералах"
    description = words(ics_unescape(one(vevent, "DESCRIPTION")[1]))
    assert description.startswith("6 ноября 2025 г.\nИзвестен точный день\n")


def test_a_planned_month_covers_the_month_and_is_tentative(example_build):
    vevent = vevents((example_build.output / "data" / "events.ics").read_bytes())[G20]
    assert one(vevent, "DTSTART")[1] == "20261201"
    assert one(vevent, "DTEND")[1] == "20270101"
    assert one(vevent, "STATUS")[1] == "TENTATIVE"
    description = ics_unescape(one(vevent, "DESCRIPTION")[1])
    assert "Известен только месяц" in description
    assert "Запланировано" in description
    assert "Майами" in description  # the summary follows the date lines


def test_calendar_text_is_escaped_folded_and_linked_when_published(site_copy):
    note = site_copy / "content" / "notes" / "tricky.md"
    title = "Ставки; сроки, цены\\и «Қазақстан» — " + ", ".join(["очень длинное название"] * 4)
    summary = "Первая строка, с запятой;\nвторая: ә ғ қ ң ө ұ ү һ і"
    note.write_text(
        "---\ndate: 2024-05\nkind: target\ntitle:\n  ru: "
        + json.dumps(title, ensure_ascii=False)
        + "\n  kk: Қазақша\nsummary:\n  ru: "
        + json.dumps(summary, ensure_ascii=False)
        + "\n---\n",
        encoding="utf-8",
    )
    output = build_copy(site_copy, BASE)
    data = (output / "data" / "events.ics").read_bytes()
    vevent = vevents(data)["tricky"]
    assert one(vevent, "UID")[1] == "tricky@example.org"
    assert ics_unescape(one(vevent, "SUMMARY")[1]) == title
    assert ics_unescape(one(vevent, "DESCRIPTION")[1]).endswith("\n\n" + summary)
    assert "Цель" in ics_unescape(one(vevent, "DESCRIPTION")[1])
    assert one(vevent, "STATUS")[1] == "TENTATIVE"
    assert (one(vevent, "DTSTART")[1], one(vevent, "DTEND")[1]) == ("20240501", "20240601")
    assert one(vevent, "URL")[1] == BASE + "ru/events/tricky.html"
    assert one(vevents(data)[MEMORANDUM], "URL")[1] == BASE + f"ru/events/{MEMORANDUM}.html"


def test_calendar_has_no_urls_without_base_url(site_copy):
    output = build_copy(site_copy, "")
    found = vevents((output / "data" / "events.ics").read_bytes())
    assert all("URL" not in vevent for vevent in found.values())
    assert one(found[MEMORANDUM], "UID")[1] == f"{MEMORANDUM}@timeline"


# --- TimelineJS3 --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_timelinejs_file_per_language(example_build, language):
    data = json.loads((example_build.output / "data" / f"timelinejs.{language}.json").read_text("utf-8"))
    assert data["title"]["text"]["headline"] == EXAMPLE_CONFIG.title[language]
    events = model(example_build.output)["events"]
    assert [slide["unique_id"] for slide in data["events"]] == [e["id"] for e in events]
    for slide in data["events"]:
        assert set(slide["start_date"]) <= {"year", "month", "day"}
        assert all(isinstance(value, int) for value in slide["start_date"].values())
        assert slide["display_date"]
        assert slide["text"]["headline"]
        assert slide["group"]


def test_timelinejs_dates_say_only_what_is_known(example_build):
    slides = {}
    for language in ("ru", "kk"):
        data = json.loads((example_build.output / "data" / f"timelinejs.{language}.json").read_text("utf-8"))
        slides[language] = {slide["unique_id"]: slide for slide in data["events"]}
    g20 = slides["ru"][G20]
    assert g20["start_date"] == {"year": 2026, "month": 12}  # planned for December: no day
    assert "end_date" not in g20
    assert words(g20["display_date"]) == "декабрь 2026 г."
    assert g20["group"] == "Запланировано"
    assert slides["kk"][G20]["group"] == "Жоспарланған"
    assert slides["ru"][TARGET]["start_date"] == {"year": 2035}
    assert slides["ru"][TARGET]["display_date"] == "к 2035 году"
    memorandum = slides["ru"][MEMORANDUM]
    assert memorandum["start_date"] == {"year": 2025, "month": 11, "day": 6}
    assert words(memorandum["display_date"]) == "6 ноября 2025 г."
    assert words(slides["kk"][MEMORANDUM]["display_date"]) == "2025 ж. 6 қараша"
    talks = slides["ru"]["kosherbayev-landau-talks"]
    assert talks["start_date"] == {"year": 2026, "month": 2, "day": 4}
    assert talks["end_date"] == {"year": 2026, "month": 2, "day": 5}


def test_timelinejs_text_is_html_escaped_and_marked_by_language(site_copy):
    (site_copy / "content" / "notes" / "markup.md").write_text(
        '---\ndate: 2024-05-02\ntitle:\n  ru: "Статья <b>жирным</b> & «кавычки»"\n'
        'summary:\n  ru: "<script>alert(1)</script>"\n---\n',
        encoding="utf-8",
    )
    output = build_copy(site_copy, "")
    ru = json.loads((output / "data" / "timelinejs.ru.json").read_text("utf-8"))
    slide = next(s for s in ru["events"] if s["unique_id"] == "markup")
    assert slide["text"]["headline"] == "Статья &lt;b&gt;жирным&lt;/b&gt; &amp; «кавычки»"
    assert slide["text"]["text"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    kk = json.loads((output / "data" / "timelinejs.kk.json").read_text("utf-8"))
    slide = next(s for s in kk["events"] if s["unique_id"] == "markup")
    assert (
        slide["text"]["headline"] == '<span lang="ru">Статья &lt;b&gt;жирным&lt;/b&gt; &amp; «кавычки»</span>'
    )


# --- CSV and timeline.json ------------------------------------------------------------------------


def test_csv_reads_back_one_row_per_event(example_build):
    raw = (example_build.output / "data" / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so spreadsheet programs read Cyrillic as UTF-8
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    events = model(example_build.output)["events"]
    assert len(rows) == len(events)
    languages = EXAMPLE_CONFIG.languages
    assert list(rows[0]) == [
        "id", "start", "end", "precision", "qualifier", "kind",
        *(f"title_{lang}" for lang in languages),
        "actors", "tags", "sources", "source_count",
    ]  # fmt: skip
    by_id = {row["id"]: row for row in rows}
    for event in events:
        row = by_id[event["id"]]
        assert (row["start"], row["end"]) == (event["date"]["start"], event["date"]["end"])
        assert row["precision"] == event["date"]["precision"]
        assert row["kind"] == event["kind"]
        assert row["actors"].split(";") == event["actors"] or not event["actors"]
        sources = list(dict.fromkeys(ref["source"] for ref in event["sources"]))
        assert row["sources"] == ";".join(sources)
        assert int(row["source_count"]) == len(sources)
        for lang in languages:
            assert row[f"title_{lang}"] == event["title"].get(lang, "")
    g20 = by_id[G20]
    assert (g20["start"], g20["end"], g20["precision"], g20["kind"]) == (
        "2026-12-01",
        "2026-12-31",
        "month",
        "planned",
    )
    assert by_id[TARGET]["qualifier"] == "before"
    assert by_id[MEMORANDUM]["source_count"] == "4"


def test_csv_quotes_commas_quotes_and_line_breaks(site_copy):
    title = 'Он сказал: "да, конечно"\nи ушёл'
    (site_copy / "content" / "notes" / "quoted.md").write_text(
        "---\ndate: 2024-05-02\ntitle:\n  ru: " + json.dumps(title, ensure_ascii=False) + "\n---\n",
        encoding="utf-8",
    )
    output = build_copy(site_copy, "")
    text = (output / "data" / "events.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(text, newline="")) if r["id"] == "quoted")
    assert row["title_ru"] == title
    assert row["title_kk"] == ""


def test_a_title_a_spreadsheet_would_run_stays_text(site_copy):
    titles = ['=HYPERLINK("https://evil.example","x")', "+7 701 000", "-2+3", "@SUM(A1)"]
    for number, title in enumerate(titles):
        (site_copy / "content" / "notes" / f"formula-{number}.md").write_text(
            f"---\ndate: 2024-05-0{number + 1}\ntitle:\n  ru: {json.dumps(title)}\n---\n", encoding="utf-8"
        )
    output = build_copy(site_copy, "")
    text = (output / "data" / "events.csv").read_bytes().decode("utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert [rows[f"formula-{n}"]["title_ru"] for n in range(4)] == ["'" + title for title in titles]


def test_a_title_cannot_add_lines_to_the_calendar(site_copy):
    title = "Встреча\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:вставка\x0b"
    (site_copy / "content" / "notes" / "breaker.md").write_text(
        f"---\ndate: 2024-05-02\ntitle:\n  ru: {json.dumps(title)}\n---\n", encoding="utf-8"
    )
    output = build_copy(site_copy, BASE)
    data = (output / "data" / "events.ics").read_bytes()
    pristine = len(re.findall(rb"^BEGIN:VEVENT", data, re.MULTILINE))
    assert pristine == len(vevents(data))
    assert (
        ics_unescape(one(vevents(data)["breaker"], "SUMMARY")[1])
        == "Встреча\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:вставка"
    )


def test_timeline_json_keeps_its_contract(example_build):
    data = model(example_build.output)
    assert data["languages"] == EXAMPLE_CONFIG.languages
    event = next(e for e in data["events"] if e["id"] == MEMORANDUM)
    assert event["date"] == {
        "edtf": "2025-11-06",
        "start": "2025-11-06",
        "end": "2025-11-06",
        "precision": "day",
        "qualifier": None,
    }
    assert {"kind", "title", "actors", "sources"} <= set(event)
    assert all("en" in actor["names"] for actor in data["actors"])
    assert {"id", "language", "published", "title", "path"} <= set(data["sources"][0])
