"""Bad input anywhere gives an error naming the file, the line and the fix: never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import edit_site_file

from generator.build import build_site
from generator.errors import ContentError, ContentErrors


def _errors(site: Path) -> list[ContentError]:
    with pytest.raises((ContentError, ContentErrors)) as failure:
        build_site(site)
    error = failure.value
    return error.errors if isinstance(error, ContentErrors) else [error]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _line_of(path: Path, needle: str) -> int:
    """The first line that starts with `needle` (after indentation), or else contains it."""
    lines = path.read_text("utf-8").splitlines()
    starting = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith(needle)]
    return starting[0] if starting else next(n for n, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(
    "old, new",
    [
        ('names = { ru = "Китай", kk = "Қытай", en = "China" }', 'names = "Китай"'),
        ('aliases = { ru = ["Китай", "КНР", "Китайская Народная Республика"]', 'aliases = { ru = "Китай"'),
        (
            'type = "country"\nnames = { ru = "Китай"',
            'type = "country"\ncountry = ["usa"]\nnames = { ru = "Китай"',
        ),
        ('type = "country"\nnames = { ru = "Китай"', 'type = "state"\nnames = { ru = "Китай"'),
    ],
)
def test_bad_actor_entry_names_its_table(site_copy, old, new):
    registry = site_copy / "content" / "actors.toml"
    _replace(registry, old, new)
    errors = _errors(site_copy)
    assert len(errors) == 1  # the notes naming actors are not blamed for the registry's fault
    assert Path(errors[0].path) == registry
    assert errors[0].line == _line_of(registry, "[china]")
    assert "[china]" in str(errors[0]) and errors[0].fix


@pytest.mark.parametrize(
    "old, new, key",
    [
        ('languages = ["ru", "kk"]', 'languages = "ru"', "languages"),
        ('default_language = "ru"', 'default_language = "en"', "default_language"),
        ("[title]", 'title = "Minerals"\n[titles]', "title ="),
        (
            'base_url = "https://example.org/critical-minerals/"',
            'base_url = "example.org/minerals"',
            "base_url",
        ),
    ],
)
def test_bad_site_toml(site_copy, old, new, key):
    config = site_copy / "site.toml"
    _replace(config, old, new)
    errors = _errors(site_copy)
    assert all(Path(error.path) == config and error.fix for error in errors)
    assert _line_of(config, key) in [error.line for error in errors]
    # Anything else reported is a table the edit left unknown ([titles]), never silently ignored.
    assert all("unknown key" in e.message for e in errors if e.line != _line_of(config, key))


def test_description_must_be_per_language(site_copy):
    config = site_copy / "site.toml"
    _replace(config, "[description]", "[about]")
    _replace(config, 'base_url = ""', 'base_url = ""\ndescription = "x"')
    [error] = _errors(site_copy)
    assert error.line == _line_of(config, "description =")
    assert error.fix


def test_site_toml_saved_in_cp1251_is_read(site_copy, tmp_path):
    config = site_copy / "site.toml"
    config.write_bytes(config.read_text("utf-8").encode("cp1251", errors="ignore"))
    # Kazakh letters do not exist in cp1251; the Russian title must survive intact.
    report = build_site(site_copy)
    page = (report.output / "ru" / "index.html").read_text("utf-8")
    assert "Критические минералы: дипломатия Казахстана" in page


def test_template_syntax_error_names_template_and_line(site_copy):
    template = edit_site_file(
        site_copy, "templates/event.html", "{% if event.tags %}", "{% if event.tags %}{{ event.tags | }}"
    )
    [error] = _errors(site_copy)
    assert Path(error.path).name == "event.html"
    assert error.line == _line_of(template, "{{ event.tags | }}")


def test_template_runtime_error_names_template_and_line(site_copy):
    template = edit_site_file(
        site_copy,
        "templates/redirect.html",
        "<h1>{{ site_title }}</h1>",
        "<h1>{{ site_title.missing_attribute.deeper }}</h1>",
    )
    [error] = _errors(site_copy)
    assert Path(error.path).name == "redirect.html"
    assert error.line == _line_of(template, "missing_attribute")


def test_missing_template_is_named(site_copy):
    edit_site_file(site_copy, "templates/event.html", '"macros.html"', '"macro.html"')
    [error] = _errors(site_copy)
    assert "'macro.html' not found" in str(error) and Path(error.path) == site_copy / "templates/event.html"


@pytest.mark.parametrize(
    "old, new, key",
    [
        ("  ru: Казахстан и США подписали меморандум о критических минералах\n", "  ru: [a, b]\n", "title:"),
        ("kind: occurred", "kind: occurred\nlanguage: de", "language: de"),
        ("kind: occurred", "kind: occurred\nqualifier: maybe", "qualifier: maybe"),
        ("date: 2025-11-06", "date:", "date:"),
        ("date: 2025-11-06", "date: 0000-11-06", "date:"),
    ],
)
def test_bad_note_fields(site_copy, old, new, key):
    note = site_copy / "content" / "notes" / "2025-11-06-kz-us-critical-minerals-mou.md"
    _replace(note, old, new)
    [error] = _errors(site_copy)
    assert Path(error.path) == note
    assert error.line == _line_of(note, key)
    assert error.fix


def test_article_and_note_with_one_event_id(site_copy):
    articles = site_copy / "content" / "articles"
    (articles / "g20-miami-summit.txt").write_text(" date 2026-03-01 Саммит G20 в Майами\nТекст.\n", "utf-8")
    [error] = _errors(site_copy)
    assert Path(error.path).name == "g20-miami-summit.txt"
    assert "g20-miami-summit" in error.message


def test_stray_files_are_named_not_silently_skipped(site_copy):
    (site_copy / "content" / "articles" / "draft.docx").write_bytes(b"PK\x03\x04")
    report = build_site(site_copy)
    assert any(re.search(r"draft\.docx: not read", warning) for warning in report.timeline.warnings)


@pytest.mark.parametrize(
    "old, new, message, table",
    [
        ("[central-asia]", '["Central Asia"]', "lowercase Latin letters", '["Central Asia"]'),
        ('names = { ru = "Саммиты"', 'names = { ru = ""', "non-empty texts", "[summit]"),
        (
            'names = { ru = "Переговоры", kk = "Келіссөздер", en = "Talks" }',
            'names = "Переговоры"',
            "non-empty texts",
            "[talks]",
        ),
        ("[uk]", "[uk", "not valid TOML", "[uk"),
    ],
)
def test_bad_tag_registry_entry_names_its_line(site_copy, old, new, message, table):
    registry = site_copy / "content" / "tags.toml"
    _replace(registry, old, new)
    [error] = _errors(site_copy)
    assert error.path == registry
    assert message in error.message
    assert error.line == _line_of(registry, table)


def test_a_note_tag_that_cannot_be_a_url_is_refused(site_copy):
    note = site_copy / "content" / "notes" / "2026-02-04-critical-minerals-ministerial.md"
    _replace(note, "tags: [ministerial, usa]", "tags: [ministerial, Министерская встреча]")
    [error] = _errors(site_copy)
    assert error.path == note
    assert error.line == _line_of(note, "tags:")
    assert "Министерская встреча" in error.message
    assert "content/tags.toml" in error.fix


def test_a_tag_without_names_is_shown_by_its_id_and_reported(site_copy):
    registry = site_copy / "content" / "tags.toml"
    _replace(registry, '[summit]\nnames = { ru = "Саммиты", kk = "Саммиттер", en = "Summits" }\n', "")
    report = build_site(site_copy)
    assert any("tag 'summit' has no names" in warning for warning in report.timeline.warnings)
    page = (report.output / "ru" / "tags" / "summit.html").read_text("utf-8")
    assert "<h1>summit</h1>" in page


@pytest.mark.parametrize(
    ("relative", "old", "new", "misspelt", "meant"),
    [
        ("content/notes/2026-02-04-critical-minerals-ministerial.md", "tags:", "tagz:", "tagz", "tags"),
        ("site.toml", "[title]", 'languagez = ["ru"]\n[title]', "languagez", "languages"),
        ("site.toml", "[title]\nru =", '[title]\nrus = "x"\nru =', "rus", "ru"),
        ("content/actors.toml", 'aliases = { ru = ["Китай"', 'alias = { ru = ["Китай"', "alias", "aliases"),
        ("content/tags.toml", "[agreement]\nnames", "[agreement]\nname", "name", "names"),
        ("content/about/about.ru.md", "title:", "titel:", "titel", "title"),
    ],
)
def test_a_misspelt_key_is_an_error_with_its_line_and_the_key_meant(
    site_copy, relative, old, new, misspelt, meant
):
    path = site_copy / relative
    _replace(path, old, new)
    errors = [e for e in _errors(site_copy) if f"unknown key {misspelt!r}" in e.message]
    assert len(errors) == 1, _errors(site_copy)
    assert Path(errors[0].path) == path and errors[0].line == _line_of(path, misspelt)
    assert f"did you mean {meant!r}" in errors[0].fix


def test_every_misspelt_key_of_the_registry_is_reported_at_once(site_copy):
    registry = site_copy / "content" / "actors.toml"
    _replace(registry, 'type = "country"\nnames = { ru = "Китай"', 'kind = "country"\nnames = { ru = "Китай"')
    _replace(registry, "[kazakhstan]\ntype", "[kazakhstan]\ntyp")
    found = {(e.line, e.message) for e in _errors(site_copy) if "unknown key" in e.message}
    assert {line for line, _ in found} == {_line_of(registry, "kind ="), _line_of(registry, "typ =")}


@pytest.mark.parametrize("name", ["search", "index", "404"])
def test_an_about_page_named_like_a_built_in_page_is_refused_naming_both(site_copy, name):
    page = site_copy / "content" / "about" / f"{name}.ru.md"
    page.write_text("---\ntitle: Моя страница\n---\nТекст.\n", "utf-8")
    [error] = _errors(site_copy)
    assert Path(error.path) == page and f"ru/{name}.html" in error.message
    assert f"{name}.html" in error.message.rpartition("also the")[2] and error.fix


def test_every_mistake_of_a_note_is_reported_at_once(site_copy):
    note = site_copy / "content" / "notes" / "2026-02-04-critical-minerals-ministerial.md"
    _replace(note, "date: 2026-02-04", "date: 2026-02-31")
    _replace(note, "kind: occurred", "kind: happened\ntagz: [x]")
    errors = [e for e in _errors(site_copy) if Path(e.path) == note]
    assert sorted(e.line for e in errors) == [
        _line_of(note, "date:"),
        _line_of(note, "kind:"),
        _line_of(note, "tagz:"),
    ]
    assert all(e.fix for e in errors)
