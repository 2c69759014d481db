"""The pages readers use most, for the home page's "Mest brugt".

Feature apps register how use is measured, from their own `ready()` (the strategy app: how often
readers answered that a page was useful; the search app: which pages the year's most frequent
searches found first); core imports none of them. A measure returns
{translation_key: count}; the counts of all measures add up.
"""

from collections import Counter
from collections.abc import Callable

_measures: list[Callable[[], dict]] = []


def register_usage(measure: Callable[[], dict]) -> None:
    if measure not in _measures:
        _measures.append(measure)


def most_used_keys(limit: int) -> list:
    """The translation keys of the most used pages, most used first (ties by key, stable)."""
    total: Counter = Counter()
    for measure in _measures:
        total.update(measure())
    return [key for key, _count in sorted(total.items(), key=lambda kv: (-kv[1], str(kv[0])))][
        :limit
    ]
