"""The relevance measures themselves, on hand-computed examples."""

import math

import pytest

from search.evaluation import evaluate, ndcg_at, recall_at


def test_perfect_and_reversed_rankings():
    judged = {"a": 3, "b": 1}
    assert ndcg_at(["a", "b"], judged) == pytest.approx(1.0)
    reversed_dcg = 1 / math.log2(2) + 7 / math.log2(3)
    ideal = 7 / math.log2(2) + 1 / math.log2(3)
    assert ndcg_at(["b", "a"], judged) == pytest.approx(reversed_dcg / ideal)


def test_unjudged_results_count_as_irrelevant():
    assert ndcg_at(["x", "a"], {"a": 3}) == pytest.approx(1 / math.log2(3))
    assert ndcg_at([], {"a": 3}) == 0.0


def test_recall_is_capped_at_k():
    judged = {str(n): 1 for n in range(20)}
    assert recall_at([str(n) for n in range(10)], judged, k=10) == 1.0
    assert recall_at(["0", "x"], {"0": 2, "1": 1}) == 0.5


def test_evaluate_averages_per_category_and_overall():
    judgements = {"one": {"q1": {"a": 3}}, "two": {"q2": {"b": 3}, "q3": {"c": 3}}}
    scores = evaluate(judgements, lambda q: {"q1": ["a"], "q2": ["b"], "q3": []}[q])
    assert scores["one"].ndcg == 1.0
    assert scores["two"].ndcg == 0.5 and scores["two"].queries == 2
    assert scores["all"].ndcg == pytest.approx(2 / 3)
    assert scores["all"].recall == pytest.approx(2 / 3)
