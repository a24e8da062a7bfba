"""Chinese text analysis shared by indexing and querying.

Text is normalised (full-width to half-width, lower case, traditional to simplified),
segmented into words with jieba (the Rust port, rjieba), and every run of Han characters
also contributes its single characters and character bigrams, so that a two-character
query such as 签证 matches 外国人签证办理指南 whatever the segmenter decided.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import opencc
import rjieba

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TOKEN = re.compile(r"[\w\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

_lock = threading.Lock()
_converter = opencc.OpenCC("t2s")
_known_words: set[str] = set()


def add_words(words) -> None:
    """Teach the segmenter project words (service names, police terms); thread-safe."""
    with _lock:
        for word in words:
            word = normalise(word)
            if word and word not in _known_words:
                rjieba.add_word(word)
                _known_words.add(word)
    segment.cache_clear()


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Full-width to half-width, lower case, traditional to simplified Chinese."""
    return _converter.convert(unicodedata.normalize("NFKC", text).lower())


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """The words of normalised text, without punctuation or spaces."""
    return tuple(word for word in rjieba.cut(normalise(text)) if TOKEN.fullmatch(word))


def han_grams(text: str) -> list[str]:
    """Single characters and bigrams of every Han run in the text."""
    grams = []
    for run in HAN.findall(normalise(text)):
        grams.extend(run)
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def index_text(text: str) -> str:
    """The space-separated terms stored in the search index for a piece of text."""
    if not text:
        return ""
    words = segment(text)
    return " ".join([*words, *han_grams(text)])


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """A query's words and its Han bigrams; lone characters stay single."""
    words = list(dict.fromkeys(segment(query)))
    grams = []
    for run in HAN.findall(normalise(query)):
        if len(run) == 1:
            grams.append(run)
        else:
            grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    latin = [w for w in words if not HAN.search(w)]
    return words, list(dict.fromkeys([*grams, *latin]))
