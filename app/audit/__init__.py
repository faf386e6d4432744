"""The tamper-evident audit trail: append in the same transaction, verify, browse, export."""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "anchor": ("AnchorMalformed",),
    "trail": ("AuditFilter", "AuditRow", "audit_page", "export_audit", "iter_export_rows", "verify_chain"),
})
