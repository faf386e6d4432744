"""Sign-in policy page."""
