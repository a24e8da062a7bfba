"""Case reference numbers: random, checkable, forgiving of how people type them."""

import pytest

from services.references import (
    ALPHABET,
    display,
    is_valid,
    new_reference,
    normalise,
)

pytestmark = pytest.mark.single_db


@pytest.fixture(scope="module")
def references():
    return [new_reference() for _ in range(10_000)]


def test_alphabet_is_crockford_base32():
    assert len(ALPHABET) == len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_ten_thousand_references_are_distinct_canonical_and_valid(references):
    assert len(set(references)) == len(references)
    for reference in references:
        assert len(reference) == 11
        assert set(reference) <= set(ALPHABET)
        assert normalise(reference) == reference
        assert is_valid(reference)


def test_references_are_not_sequential(references):
    # Every position takes (almost) every character: nothing counts up.
    for position in range(10):
        assert len({reference[position] for reference in references}) == 32


def test_every_single_character_substitution_is_detected(references):
    checked = 0
    for reference in references[:1000]:
        for position, original in enumerate(reference):
            for replacement in ALPHABET:
                if replacement == original:
                    continue
                typo = reference[:position] + replacement + reference[position + 1 :]
                assert not is_valid(typo), (reference, typo)
                checked += 1
    assert checked == 1000 * 11 * 31


def test_adjacent_transpositions_are_detected_but_for_alphabet_neighbours(references):
    """The hybrid check misses about 1 swap in 496, only of neighbouring characters."""
    swaps = missed = 0
    for reference in references[:1000]:
        for position in range(len(reference) - 1):
            first, second = reference[position], reference[position + 1]
            if first == second:
                continue
            swapped = reference[:position] + second + first + reference[position + 2 :]
            swaps += 1
            if is_valid(swapped):
                missed += 1
                distance = (ALPHABET.index(first) - ALPHABET.index(second)) % 32
                assert distance in {1, 31}, (reference, swapped)
    assert swaps > 9_000
    assert missed / swaps < 0.006  # expected 1/496, about 0.2%


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("abcd-efgh-jkx", "ABCDEFGHJKX"),
        (" ABCD EFGH JKX ", "ABCDEFGHJKX"),
        ("oO0", "000"),
        ("iIlL1", "11111"),
        ("a-b - c", "ABC"),
        ("", ""),
    ],
)
def test_normalise_reads_as_crockford_does(typed, expected):
    assert normalise(typed) == expected


def test_typed_variants_of_a_reference_are_valid(references):
    for reference in references[:200]:
        assert is_valid(display(reference).lower())
        assert is_valid(reference.replace("0", "O").replace("1", "l"))
        assert is_valid(" ".join(reference))


@pytest.mark.parametrize("value", ["", None, "ABC", "U" * 11, "#" * 11, 12345678901])
def test_malformed_values_are_not_valid(value):
    assert not is_valid(value)


def test_wrong_lengths_are_not_valid(references):
    reference = references[0]
    assert not is_valid(reference[:-1])
    assert not is_valid(reference + "0")


def test_display_groups_four_four_three(references):
    assert display("ABCDEFGHJKX") == "ABCD-EFGH-JKX"
    assert display("abcd efgh jkx") == "ABCD-EFGH-JKX"
    for reference in references[:100]:
        shown = display(reference)
        assert [len(part) for part in shown.split("-")] == [4, 4, 3]
        assert normalise(shown) == reference
