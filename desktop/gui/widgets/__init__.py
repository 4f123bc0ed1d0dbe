"""Widgets shared by the role windows."""
