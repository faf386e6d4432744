"""Customers: the real-name record, its field rules, masking and search keys.

``rules`` holds the pure rules (no database, no Qt, no I/O).
"""
