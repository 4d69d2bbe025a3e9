"""`timeline actors`: registry entries for the names the articles use, one per actor whatever its
script, in dictionary form, with guesses marked — and pasted, they build."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from sites import empty_registry_site, run_timeline

from generator.actor_stubs import actor_stubs
from generator.build import build_site, read_chronology

ARTICLES = {
    "mine_ru.txt": " date 2026-09-18 В Жезказгане открыли медный рудник\n\n"
    "17 сентября аким Жезказгана Нурлан Омаров открыл новый медный рудник. "
    "По словам Нурлана Омарова, на руднике будут работать 800 человек, сообщает агентство «Дала Ньюс».\n",
    "mine_kk.txt": " date 2026-09-18 Жезқазғанда мыс кеніші ашылды\n\n"
    "17 қыркүйекте Жезқазған әкімі Нұрлан Омаров жаңа мыс кенішін ашты. "
    "Нұрлан Омаровтың айтуынша, кеніште 800 адам жұмыс істейді.\n",
    "mine_kkl.txt": " date 2026-09-19 Jezqazğanda mys kenışı aşyldy\n\n"
    "Kenıştı 17 qyrküiekte Nūrlan Omarov aşty. Nūrlan Omarovtyñ aituynşa, onda 800 adam jūmys ısteidı.\n",
    "mine_en.txt": " date 2026-09-18 Copper mine opens in Zhezkazgan\n\n"
    "Kazakh officials opened a copper mine on 17 September. Mayor Nurlan Omarov said the mine, "
    "run by Sarybel Copper, would employ 800 people, the outlet Dala News reported.\n",
    "shaft_en.txt": " date 2026-10-02 Contractor chosen for second Zhezkazgan shaft\n\n"
    "On 1 October the owner, Sarybel Copper, chose a contractor for its second shaft, Dala News reported. "
    "Kazakh engineers will lead the work.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return empty_registry_site(tmp_path_factory.mktemp("stubs"), ARTICLES)


@pytest.fixture(scope="module")
def stubs(site):
    return {stub.id: stub for stub in actor_stubs(read_chronology(site).extractions)}


def test_one_entry_per_person_whatever_the_script_in_dictionary_form(stubs):
    omarov = stubs["nurlan-omarov"]
    assert omarov.names == {"ru": "Нурлан Омаров", "kk": "Нұрлан Омаров", "en": "Nurlan Omarov"}
    assert omarov.type == "person" and omarov.guessed == []
    assert omarov.articles == ["mine_en", "mine_kk", "mine_kkl", "mine_ru"]
    assert {"Нурлана Омарова", "Нұрлан Омаровтың", "Nūrlan Omarovtyñ"} <= set(omarov.forms)


def test_a_name_written_in_one_script_only_is_guessed_in_the_others_and_marked(stubs):
    company = stubs["sarybel-copper"]
    assert company.type == "org"  # two words, neither a person's ending nor a place's
    assert company.names["en"] == "Sarybel Copper" and sorted(company.guessed) == ["kk", "ru"]
    assert company.names["ru"] == company.names["kk"] == "Сарыбел Коппер"


def test_demonyms_are_not_proposed(stubs):
    assert not [stub for stub in stubs.values() if stub.names["en"].lower() in ("kazakh", "kazakh officials")]


def test_an_outlet_is_proposed_as_media(stubs):
    assert stubs["dala-news"].media


def test_the_printed_entries_paste_into_the_registry_and_build(site, tmp_path):
    done = run_timeline("actors", cwd=site)
    assert done.returncode == 0, done.stderr
    entries = tomllib.loads(done.stdout)
    assert entries["nurlan-omarov"]["type"] == "person"
    assert "# guessed by transliteration, check them: ru, kk" in done.stdout
    registry = site / "content" / "actors.toml"
    registry.write_text(done.stdout, "utf-8")
    try:
        report = build_site(site, tmp_path / "public")
        opening = max(report.timeline.events, key=lambda event: len(event.sources))
        assert opening.span.edtf == "2026-09-17" and "nurlan-omarov" in opening.actors
        again = run_timeline("actors", cwd=site)
        assert "[nurlan-omarov]" not in again.stdout  # registered: no longer proposed
    finally:
        registry.write_text("", "utf-8")


def test_holidays_and_office_words_are_no_names(tmp_path):
    site = empty_registry_site(
        tmp_path,
        {
            f"notice_{n}_en.txt": f" date 2026-12-2{n} Office notice\n\n"
            "The Administrator said the office closes on Christmas Day. Christmas Day falls on a Friday.\n"
            for n in (1, 2)
        },
    )
    proposed = {stub.names["en"] for stub in actor_stubs(read_chronology(site).extractions)}
    assert not proposed & {"Administrator", "Christmas Day", "Christmas", "The"}


def test_check_lists_the_names_in_the_same_dictionary_forms(tmp_path):
    """«Қазақстан» is no «Қазақс» plus the ablative «-тан»: the form the articles write wins."""
    from generator.explain import check_site

    site = empty_registry_site(
        tmp_path,
        {
            "a_kk.txt": " date 2026-05-02 Кеңес өтті\n\n2 мамырда Қазақстан мен Моңғолия кеңес өткізді.\n",
            "b_kk.txt": " date 2026-05-03 Ресми сапар\n\n3 мамырда Қазақстанның үкімет делегациясы "
            "Моңғолияға ресми сапармен барып, екі келісімге қол қойды.\n",
        },
    )
    names = [proposal.name for proposal in check_site(site).proposals]
    assert "Қазақстан" in names and not {"Қазақс", "Қазақстанның", "Моңғолияға"} & set(names)
