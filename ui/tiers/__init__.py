"""Tier policy, AUM import, tier worklists and tier exceptions."""
