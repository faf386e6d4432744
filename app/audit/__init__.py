"""The tamper-evident audit trail: append in the same transaction, verify, browse, export."""
