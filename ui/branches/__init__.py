"""Branches page: the branch tree of the signed-in person's subtree."""
