"""Customers: the real-name record, its field rules, masking and search keys.

``rules`` holds the pure rules (no database, no Qt, no I/O).
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "fields": ("CustomerInput",),
    "records": ("Choice", "CustomerDetail", "ViewerRow", "branch_choices", "create_customer",
                "input_for_edit", "manager_choices", "open_customer", "reveal", "set_active",
                "update_customer", "viewers_of"),
    "search": ("CustomerPage", "CustomerRow", "customer_page", "search_customers"),
    "transfer": ("CustomerImportResult", "export_customers", "import_customers"),
})
