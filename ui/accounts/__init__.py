"""Accounts page: staff accounts of the administrator's subtree."""
