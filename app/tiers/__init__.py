"""Tiers: versioned tier policy, rolling quarterly daily-average AUM and tier evaluation.

``rules`` holds the pure rules (no database, no Qt, no I/O).
"""
