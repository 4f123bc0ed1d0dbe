"""Drivers for scripts/screenshots.py: each puts a signed-in role window into a state the
README shows, by the buttons a person clicks, and returns the widget to capture.

They live here, not in the installed package: nothing of the application uses them.
tests/test_gui_screens.py keeps them working.
"""
