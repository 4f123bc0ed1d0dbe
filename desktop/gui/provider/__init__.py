"""provider window and its pages."""
