"""client window and its pages."""
