"""Case reference numbers (受理编号) that citizens read out, type and mistype.

A reference is 10 random characters and 1 check character from Crockford's
base32 alphabet: digits and capitals without I, L, O and U, so nothing can be
misread between 1/I/L or 0/O. The characters come from ``secrets``, so a
reference does not reveal how many cases came before it and the next one cannot
be guessed (32**10, about 10**15, possibilities).

The check character is ISO 7064 hybrid MOD 37,36 computed by stdnum over our
32-character alphabet (so in effect MOD 33,32). It catches every single wrong
character and about 99.8% of swaps of two neighbouring characters: a swap goes
through only when the two characters are next to each other in the alphabet
("12" for "21", "AB" for "BA") and the running check value before them is one
particular value of 32, that is 1 swap in 496 overall.
"""

from __future__ import annotations

import secrets

from stdnum.iso7064 import mod_37_36

__all__ = ["ALPHABET", "display", "is_valid", "new_reference", "normalise"]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BODY_LENGTH = 10
LENGTH = BODY_LENGTH + 1
GROUP = 4

# Crockford's decoding: the letters left out of the alphabet read as the digits
# they resemble; separators people add while copying are dropped.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def _check_character(body: str) -> str:
    return mod_37_36.calc_check_digit(body, alphabet=ALPHABET)


def new_reference() -> str:
    """A fresh random reference: 11 canonical characters, no separators."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + _check_character(body)


def normalise(value: str) -> str:
    """Canonical form of a typed reference: uppercase, O→0, I/L→1, no separators."""
    if not isinstance(value, str):
        return ""
    return "".join(value.upper().translate(_READ_AS).split())


def is_valid(value: str) -> bool:
    """Whether the value, once normalised, is a reference with a correct check."""
    reference = normalise(value)
    if len(reference) != LENGTH or not set(reference) <= set(ALPHABET):
        return False
    return mod_37_36.is_valid(reference, alphabet=ALPHABET)


def display(reference: str) -> str:
    """The reference grouped for reading aloud: ``ABCD-EFGH-JKX``."""
    reference = normalise(reference)
    return "-".join(
        reference[start : start + GROUP] for start in range(0, len(reference), GROUP)
    )
