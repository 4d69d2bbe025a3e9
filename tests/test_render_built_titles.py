"""A page in a language no report, note or translation titles an event in: a title built in that
language from the kind of happening and the actors, the source's headline quoted below."""

from __future__ import annotations

import pytest
from sites import empty_registry_site

from generator.build import build_site

ARTICLES = {
    "talks_ru.txt": " date 2026-03-12 Казахстан и Япония обсудили поставки урана\n\n"
    "12 марта в Астане министры Казахстана и Японии провели переговоры о поставках урана.\n",
}
ACTORS = """[kazakhstan]
type = "country"
names = { ru = "Казахстан", kk = "Қазақстан", en = "Kazakhstan" }
aliases = { ru = ["Казахстан"], kk = ["Қазақстан"], en = ["Kazakhstan"] }

[japan]
type = "country"
names = { ru = "Япония", kk = "Жапония", en = "Japan" }
aliases = { ru = ["Япония"], kk = ["Жапония"], en = ["Japan"] }
"""


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    site = empty_registry_site(tmp_path_factory.mktemp("built"), ARTICLES)
    (site / "content" / "actors.toml").write_text(ACTORS, "utf-8")
    return build_site(site).output


@pytest.mark.parametrize(
    ("lang", "built", "quoted_label"),
    [
        ("kk", "Келіссөздер: Қазақстан, Жапония", "Дереккөзде"),
        ("en", "Talks: Kazakhstan, Japan", "In the source"),
    ],
)
def test_a_title_is_built_in_the_pages_language_with_the_source_headline_quoted(
    public, lang, built, quoted_label
):
    page = (public / lang / "events" / "talks_ru.html").read_text("utf-8")
    assert f"<h1>{built}</h1>" in page and f"<title>{built} — " in page
    assert f'{quoted_label}: <q lang="ru">Казахстан и Япония обсудили поставки урана</q>' in page
    listing = (public / lang / "index.html").read_text("utf-8")
    assert (
        f">{built}</a>" in listing
        and '<q lang="ru">Казахстан и Япония обсудили поставки урана</q>' in listing
    )


def test_the_language_of_the_source_keeps_its_headline(public):
    page = (public / "ru" / "events" / "talks_ru.html").read_text("utf-8")
    assert "<h1>Казахстан и Япония обсудили поставки урана</h1>" in page and "source-headline" not in page
