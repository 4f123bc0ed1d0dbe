"""Argon2id password hashes, with the parameters stated rather than left to a library default.

OWASP's Password Storage Cheat Sheet asks at least m = 19 MiB, t = 2, p = 1 for Argon2id. We use
RFC 9106's second recommended option ("low memory": m = 64 MiB, t = 3, p = 4), which meets it
with room to spare; a test asserts every fresh hash does. A stored hash made with other
parameters is replaced at the next successful sign-in (``needs_rehash``), in that transaction.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

OWASP_MIN_MEMORY_KIB = 19 * 1024
OWASP_MIN_TIME_COST = 2
OWASP_MIN_PARALLELISM = 1

MEMORY_KIB = 64 * 1024
TIME_COST = 3
PARALLELISM = 4
HASH_LENGTH = 32
SALT_LENGTH = 16

_hasher = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM,
                         hash_len=HASH_LENGTH, salt_len=SALT_LENGTH, type=Type.ID)

MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """False for any password that is not this one, including one no hash could be made of (a
    lone surrogate: ``surrogatepass`` gives it bytes, which match nothing made from valid text)."""
    try:
        return _hasher.verify(stored_hash, password.encode("utf-8", "surrogatepass"))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when ``stored_hash`` was made with other parameters (or another variant) than today's."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if password.strip() != password:
        return "A password cannot start or end with a space."
    return None
