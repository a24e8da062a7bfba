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
SHORT = 200  # texts up to this length (queries) are cached; documents are not


def add_words(words) -> None:
    """Teach the segmenter project words (service names, police terms); thread-safe."""
    with _lock:
        for word in words:
            word = normalise(word)
            if word and word not in _known_words:
                rjieba.add_word(word, None, None)
                _known_words.add(word)
        _cached_segment.cache_clear()


def _normalise(text: str) -> str:
    return _converter.convert(unicodedata.normalize("NFKC", text).lower())


def _segment(text: str) -> tuple[str, ...]:
    words = []
    for word in rjieba.cut(_normalise(text)):
        if TOKEN.fullmatch(word):
            words.append(word)
        else:
            # jieba keeps codes whole ("jwm-0049", "jw-crj-001"): their parts count,
            # as OpenSearch's standard tokenizer splits them.
            words.extend(TOKEN.findall(word))
    return tuple(words)


_cached_normalise = lru_cache(maxsize=4096)(_normalise)
_cached_segment = lru_cache(maxsize=4096)(_segment)


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, traditional to simplified Chinese."""
    return _cached_normalise(text) if len(text) <= SHORT else _normalise(text)


def segment(text: str) -> tuple[str, ...]:
    """The words of normalised text, without punctuation or spaces."""
    return _cached_segment(text) if len(text) <= SHORT else _segment(text)


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a Han run; a lone character stays single."""
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def han_grams(text: str) -> list[str]:
    """Single characters and bigrams of every Han run in the text."""
    grams = []
    for run in HAN.findall(normalise(text)):
        grams.extend(run)
        grams.extend(bigrams(run) if len(run) > 1 else [])
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
    grams = [gram for run in HAN.findall(normalise(query)) for gram in bigrams(run)]
    latin = [w for w in words if not HAN.search(w)]
    return words, list(dict.fromkeys([*grams, *latin]))


def _load_dictionary() -> None:
    from .dictionary import POLICE_TERMS

    add_words(POLICE_TERMS)


_load_dictionary()
