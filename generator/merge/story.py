"""Articles of one story: the names they share anywhere in their text, not only in a sentence.

Two reports of one happening often share no name in the sentences that date it: one article
names the vice-minister in its lead, the other the committee, and the dated sentence names
only the law. Their articles still share names elsewhere — the people and bodies of the story.
A name that most of the corpus's articles use (the country, the capital) tells no story apart,
so only names found in at most half of the articles (and at least in the two compared) count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..extract.discovered import shared_keys
from .candidates import Candidate


class Stories:
    def __init__(self) -> None:
        self.telling: dict[str, frozenset[str]] = {}  # by source: its names that tell a story

    def read(self, candidates: Iterable[Candidate]) -> None:
        names: dict[str, frozenset[str]] = {}
        for candidate in candidates:
            names.setdefault(candidate.source, candidate.story)
        used_by = Counter(key for keys in names.values() for key in keys)
        most = max(2, len(names) // 2)
        self.telling = {
            source: frozenset(key for key in keys if used_by[key] <= most) for source, keys in names.items()
        }

    def one_story(self, source: str, others: Iterable[str], names: int = 1) -> bool:
        """Whether the article shares `names` telling names with one of the other articles."""
        mine = self.telling.get(source, frozenset())
        return bool(mine) and any(
            other != source and shared_keys(mine, self.telling.get(other, frozenset())) >= names
            for other in others
        )
