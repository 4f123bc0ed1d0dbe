"""The Qt front end: windows and dialogs that render rule decisions and call services."""
