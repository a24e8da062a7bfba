"""Encryption and keyed hashes for citizens' data (DESIGN.md "Personal data").

Identity numbers and contacts are stored encrypted (Fernet: AES-128-CBC + HMAC) so
that a copied database reveals nothing; a keyed hash (HMAC-SHA256) matches a value
without decrypting it. Production takes both keys from the environment; development
and tests generate them once under VAR_DIR/keys/.

    manage.py new_data_keys     prints a new pair of keys for production
"""

import base64
import functools
import hashlib
import hmac
import os
import secrets
import time

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

PREFIX = "enc:"


def _key_file(name: str, make) -> str:
    """A development key, made once; O_EXCL lets only one process write it."""
    path = settings.VAR_DIR / "keys" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process is writing it
            if key := path.read_text().strip():
                return key
            time.sleep(0.1)
        raise
    with os.fdopen(fd, "w") as file:
        file.write(make())
    return path.read_text().strip()


@functools.cache
def _fernet(key: str) -> Fernet:
    return Fernet(key.encode())


def fernet() -> Fernet:
    """The cipher for the configured (or, in development, generated) key."""
    key = settings.DATA_ENCRYPTION_KEY or _key_file(
        "data_encryption_key", lambda: Fernet.generate_key().decode()
    )
    return _fernet(key)


def hash_key() -> bytes:
    key = settings.DATA_HASH_KEY or _key_file(
        "data_hash_key", lambda: secrets.token_urlsafe(48)
    )
    return key.encode()


def encrypt(value: str) -> str:
    """`enc:` + the Fernet token of a text."""
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(value: str) -> str:
    """The text of an `enc:` token (other values are returned as they are)."""
    if not isinstance(value, str) or not value.startswith(PREFIX):
        return value
    try:
        return fernet().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        return ""  # a key was replaced: the value cannot be read any more


def keyed_hash(value: str, purpose: str = "") -> str:
    """A hex HMAC-SHA256 of a normalised value, separate per purpose."""
    message = f"{purpose}\0{value}".encode()
    return hmac.new(hash_key(), message, hashlib.sha256).hexdigest()


def new_keys() -> dict[str, str]:
    """A fresh pair of keys for production's environment."""
    return {
        "DATA_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "DATA_HASH_KEY": base64.urlsafe_b64encode(secrets.token_bytes(36)).decode(),
    }
