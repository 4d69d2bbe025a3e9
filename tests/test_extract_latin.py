"""Kazakh in the 2021 Latin alphabet is read with the same word lists as Cyrillic Kazakh."""

from generator.extract.concepts import find_concepts
from generator.extract.happenings import discourse
from generator.extract.latin import kk_latin, with_latin


def test_letters_follow_the_2021_table():
    assert kk_latin("Кейінге қалдыр") == "keiinge qaldyr"
    assert kk_latin("Жібек жолы шегерілді") == "jibek joly şegerildi"
    assert kk_latin("Өскемен, Ұлытау, Үшарал, аңшы") == "öskemen, ūlytau, üşaral, añşy"


def test_a_latin_spelling_is_added_once():
    assert with_latin(["финал", "final", "кездес"]) == ["финал", "final", "кездес", "kezdes"]


def test_key_terms_match_in_either_alphabet():
    cyrillic = find_concepts("Финалдық матч 26 мамырға ауыстырылды", "kk")
    latin = find_concepts("Finaldyq matçy 26 mamyrğa auystyryldy", "kk")
    assert cyrillic and latin == cyrillic


def test_cue_words_have_their_latin_spelling():
    assert "eske salaiyq" in discourse()["recall"]["kk"]
    assert "keiinge qaldyr" in discourse()["modality"]["kk"]["postponed"]


def test_a_letter_the_alphabet_lacks_is_matched_both_ways():
    # «ц» has no letter of its own in 2021: texts write «konsert» as well as «kontsert».
    assert {"kontsert", "konsert"} <= set(with_latin(["концерт"]))
    assert find_concepts("Jabylu konsertı ötpeidı", "kk") == find_concepts("Жабылу концерті өтпейді", "kk")
