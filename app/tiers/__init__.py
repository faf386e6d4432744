"""Tiers: versioned tier policy, rolling quarterly daily-average AUM and tier evaluation.

``rules`` holds the pure rules (no database, no Qt, no I/O); ``policy_store`` the policy
versions; ``aum_import`` the monthly AUM extract; ``evaluation`` the set-based evaluation and
its worklists; ``exceptions`` the maker-checker tier exceptions; ``summary`` one customer's
tier and why.
"""
