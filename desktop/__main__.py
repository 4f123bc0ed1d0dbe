"""``python -m desktop`` and the ``practice-desk`` command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from .cli import parser

    args = parser().parse_args(argv)
    if args.verify_audit:
        from .cli import verify_audit

        return verify_audit(args)
    if args.restore:
        from .cli import restore

        return restore(args)
    from .gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
