"""support window and its pages."""
