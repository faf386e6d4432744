"""Audit trail page: lazy browsing, filters, CSV export and chain verification."""
