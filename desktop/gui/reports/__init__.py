"""The owner's reports."""
