"""The bundle's entry point (PyInstaller runs this file): the same as ``python -m desktop``."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
