"""Signing in: the login window, the first-administrator dialog, the forced password change."""
