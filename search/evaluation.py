"""Relevance measures for a judged query set: nDCG@k and recall@k."""

import math
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

Judgements = dict[str, dict[str, dict[str, int]]]


def default_judgements_path() -> Path:
    """The judged query set over the demo content, kept with the search tests."""
    return Path(settings.BASE_DIR) / "tests" / "search" / "judgements.toml"


def load_judgements(path: Path | None = None) -> Judgements:
    """Read a judged query set: [category."query"] tables of "title" = grade."""
    with open(path or default_judgements_path(), "rb") as file:
        data = tomllib.load(file)
    for category, queries in data.items():
        for query, judged in queries.items():
            bad = {t: g for t, g in judged.items() if g not in (0, 1, 2, 3)}
            if bad:
                raise ValueError(f"{category}/{query}: grades must be 0-3: {bad}")
    return data


def dcg(gains: Iterable[int]) -> float:
    """Discounted cumulative gain of graded relevances in rank order."""
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """nDCG@k of ranked titles against graded judgements (unjudged titles count 0)."""
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg(judged.get(title, 0) for title in ranked[:k]) / ideal


def recall_at(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """Share of the relevant titles found in the top k (out of at most k)."""
    relevant = {title for title, grade in judged.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / min(len(relevant), k)


@dataclass
class Score:
    """Mean nDCG@10 and recall@10 over a group of queries."""

    queries: int
    ndcg: float
    recall: float


def evaluate(
    judgements: Judgements,
    search: Callable[[str], list[str]],
    k: int = 10,
) -> dict[str, Score]:
    """Scores per category and for "all", from a function query -> ranked titles."""
    per_category: dict[str, Score] = {}
    everything: list[tuple[float, float]] = []
    for category, queries in judgements.items():
        pairs = []
        for query, judged in queries.items():
            ranked = search(query)
            pairs.append((ndcg_at(ranked, judged, k), recall_at(ranked, judged, k)))
        everything.extend(pairs)
        per_category[category] = _mean(pairs)
    per_category["all"] = _mean(everything)
    return per_category


def _mean(pairs: list[tuple[float, float]]) -> Score:
    if not pairs:
        return Score(0, 0.0, 0.0)
    return Score(
        len(pairs),
        sum(n for n, _ in pairs) / len(pairs),
        sum(r for _, r in pairs) / len(pairs),
    )
