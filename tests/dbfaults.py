"""Database errors as the drivers raise them (wrapped by peewee), for injection into services."""

from __future__ import annotations

import sqlite3

import peewee


class FakePgError(Exception):
    """What psycopg2 raises, with its SQLSTATE (the real classes' pgcode cannot be set)."""

    def __init__(self, message: str, pgcode: str | None = None) -> None:
        super().__init__(message)
        self.pgcode = pgcode


FakePgError.__module__ = "psycopg2.errors"


def pg(code: str | None, message: str, wrapper=peewee.OperationalError) -> Exception:
    return wrapper(FakePgError(message, code))


def lite(message: str, wrapper=peewee.OperationalError, kind=sqlite3.OperationalError) -> Exception:
    return wrapper(kind(message))
