"""Extraction throughput in articles per second on one core, cold and warm cache.

Generates ~2 KB news articles in Russian, Kazakh and English from sentence templates (dates,
registry actors, numbers that must not become dates), then:

- cold: every article extracted afresh, records written to an empty cache folder;
- warm: the same articles again, every record read back from the cache.

Run:  .venv/bin/python bench/extract_throughput.py [--articles N] [--seed S]
Prints one line per language and phase. Not a test: this machine is shared, read the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import build_actor_index  # noqa: E402
from generator.extract_cache import ExtractionCache  # noqa: E402
from generator.ingest.actors import read_actors  # noqa: E402
from generator.model import Document, PartialDate  # noqa: E402

SENTENCES = {
    "ru": [
        "Министр иностранных дел Казахстана Ермек Кошербаев {day} {month_gen} провел встречу с Марко Рубио в Вашингтоне.",
        "Как сообщает МИД РК, {day} {month_gen} {year} года стороны подписали меморандум о сотрудничестве.",
        "В {year} году Казахстан и Великобритания договорились о стратегическом партнерстве.",
        "Вчера Касым-Жомарт Токаев обсудил с Дональдом Трампом поставки урана и титана.",
        "Страна обеспечивает более {pct}% мировых поставок урана и добывает {a} из {b} критических минералов.",
        "На прошлой неделе Кристофер Ландау посетил Астану, где обсудил инвестиции на {money} млрд долларов.",
        "К {future} году Лондон намерен снизить зависимость от поставок из Китая.",
        "В конце {month_gen} в Алматы пройдет форум с участием более {n} компаний из стран G20.",
        "Купер в четверг объявит о новом соглашении с Киргизией и Узбекистаном.",
        "Три дня назад Соединенные Штаты и Казахстан обсудили формат С5+1.",
    ],
    "kk": [
        "ҚР Сыртқы істер министрі Ермек Көшербаев {day} {month_loc} Вашингтонда Марко Рубиомен кездесті.",
        "{year} жылдың {month_poss} Қазақстан мен АҚШ маңызды минералдар туралы меморандумға қол қойды.",
        "{year} жылы Қазақстан Ұлыбританиямен стратегиялық серіктестік туралы келісім жасады.",
        "Кеше Қасым-Жомарт Тоқаев Дональд Трамппен уран жеткізу мәселесін талқылады.",
        "Ел әлемдік уран жеткізілімінің {pct}%-дан астамын қамтамасыз етеді, {b} минералдың {a}-сын өндіреді.",
        "Өткен аптада Кристофер Ландау Астанаға келіп, {money} миллиард долларлық инвестицияларды талқылады.",
        "{future} жылға дейін Лондон Қытайдан жеткізілімге тәуелділікті азайтуды көздейді.",
        "Биыл Алматыда G20 елдерінен {n} компания қатысатын форум өтеді.",
        "Қазақстандық компаниялар АҚШ-тың нарығына шығуға дайын.",
        "Айдың басында Қазақстан мен Қытай жаңа келісімдерге қол қойды.",
    ],
    "en": [
        "Kazakh Foreign Minister Yermek Kosherbayev met Marco Rubio in Washington on {day} {month_en} {year}.",
        "On {month_en} {day}, {year}, Kazakhstan and the United States signed a memorandum on critical minerals.",
        "In {year}, Kazakhstan and the United Kingdom agreed a strategic partnership.",
        "Yesterday Kassym-Jomart Tokayev discussed uranium supplies with Donald Trump.",
        "The country supplies more than {pct}% of the world's uranium and mines {a} of {b} critical minerals.",
        "Last week Christopher Landau visited Astana to discuss ${money} billion of investment.",
        "By {future}, London aims to cut its reliance on supplies from China.",
        "Earlier this month more than {n} companies from G20 countries met in Almaty.",
        "Cooper will announce the agreement on Thursday, together with Kyrgyzstan's and Uzbekistan's ministers.",
        "Three days ago the United States and Kazakhstan discussed the C5+1 format.",
    ],
}
# Most sentences of a report carry no date: these fill the rest of each article.
FILLER = {
    "ru": [
        "Стороны обсудили широкий круг вопросов двусторонней повестки, включая энергетику и логистику.",
        "Кошербаев подчеркнул, что Казахстан располагает значительными запасами минерального сырья.",
        "Эксперты отмечают, что критически важные минералы играют ключевую роль в развитии технологий.",
        "Глава МИДа Казахстана отметил значение сотрудничества с США и Европейским союзом.",
        "Особое внимание было уделено реализации ранее достигнутых договоренностей и инвестиционных проектов.",
    ],
    "kk": [
        "Тараптар екіжақты күн тәртібіндегі энергетика мен логистика мәселелерін талқылады.",
        "Көшербаев Қазақстанның айтарлықтай минерал қоры бар екенін атап өтті.",
        "Сарапшылардың пікірінше, маңызды минералдар заманауи технологиялардың дамуында шешуші рөл атқарады.",
        "Кездесу барысында АҚШ пен Қазақстан арасындағы ынтымақтастық мәселелері қаралды.",
        "Бұл құжат Қазақстандағы өңдеу қуаттарын дамытуды көздейді.",
    ],
    "en": [
        "The two sides discussed energy, logistics and investment in processing capacity.",
        "Kosherbayev said Kazakhstan had significant reserves of mineral raw materials.",
        "Experts note that critical minerals play a key role in modern technology.",
        "The minister stressed the importance of cooperation with the United States.",
        "Particular attention was paid to agreements reached earlier and to investment projects.",
    ],
}
MONTHS = {
    "month_gen": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "month_loc": [
        "қаңтарда",
        "ақпанда",
        "наурызда",
        "сәуірде",
        "мамырда",
        "маусымда",
        "шілдеде",
        "тамызда",
        "қыркүйекте",
        "қазанда",
        "қарашада",
        "желтоқсанда",
    ],
    "month_poss": [
        "қаңтарында",
        "ақпанында",
        "наурызында",
        "сәуірінде",
        "мамырында",
        "маусымында",
        "шілдесінде",
        "тамызында",
        "қыркүйегінде",
        "қазанында",
        "қарашасында",
        "желтоқсанында",
    ],
    "month_en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def sentence(language: str, rng: random.Random, dated_share: float) -> str:
    """One sentence from the stock: a dated one (`dated_share` of them) or a filler."""
    month = rng.randrange(12)
    values = {
        "day": rng.randint(1, 28),
        "year": rng.randint(2019, 2026),
        "future": rng.randint(2027, 2040),
        "pct": rng.randint(10, 60),
        "a": rng.randint(5, 25),
        "b": rng.randint(30, 60),
        "money": rng.randint(2, 40),
        "n": rng.randint(20, 2000),
        **{key: forms[month] for key, forms in MONTHS.items()},
    }
    dated = rng.random() < dated_share
    return rng.choice(SENTENCES[language] if dated else FILLER[language]).format(**values)


def article(language: str, rng: random.Random, size: int = 2048) -> str:
    parts: list[str] = []
    while sum(len(p.encode()) + 1 for p in parts) < size:
        parts.append(sentence(language, rng, 0.35))  # about a third of a report's sentences carry a date
    return " date 2026-02-05 " + parts[0] + "\n" + " ".join(parts[1:]) + "\n"


def document(language: str, number: int, text: str) -> Document:
    title_start = len(" date 2026-02-05 ")
    title_end = text.index("\n")
    return Document(
        id=f"{language}-{number:05d}",
        path=Path(f"{language}-{number:05d}.txt"),
        language=language,
        published=PartialDate(2026, 2, 5),
        published_from="header",
        title=text[title_start:title_end],
        title_span=(title_start, title_end),
        text=text,
        body_start=title_end + 1,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300, help="articles per language (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    actors = read_actors(ROOT / "content" / "actors.toml")
    started = time.perf_counter()
    index = build_actor_index(actors)
    print(f"actor index: {len(actors)} actors in {time.perf_counter() - started:.3f} s (once per build)")
    rng = random.Random(args.seed)
    for language in ("ru", "kk", "en"):
        documents = [document(language, n, article(language, rng)) for n in range(args.articles)]
        mean_size = sum(len(d.text.encode()) for d in documents) / len(documents)
        with tempfile.TemporaryDirectory() as folder:
            for phase in ("cold", "warm"):
                cache = ExtractionCache(Path(folder), "bench")
                started = time.perf_counter()
                dates = sum(len(cache.extract(d, index).dates) for d in documents)
                seconds = time.perf_counter() - started
                print(
                    f"{language} {phase}: {len(documents) / seconds:7.1f} articles/s  "
                    f"({len(documents)} articles of {mean_size / 1024:.1f} KB, {dates} dates, "
                    f"{seconds:.2f} s, {cache.misses} extracted, {cache.hits} from cache)"
                )


if __name__ == "__main__":
    main()
