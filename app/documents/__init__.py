"""Documents: PDFs with the shipped CJK font, signed QR codes, templates and the register.

Modules:

- ``fonts``: the shipped font, located without Qt, registered with reportlab once per process.
- ``qr``: the signing API every capability uses for its printed QR codes (small, documented);
  on PostgreSQL the key stays in the server, out of staff reach (migration 0013).
- ``templates``: editable wording with placeholders, shipped files and stored versions.
- ``pdf``: A4 layout (letterhead, wrapping text, tables, signature blocks, page x of y, QR).
- ``register``: making a registered document, printing, reprinting as a copy, the register list.
- ``verify``: what a scanned payload is: genuine (and what), altered, or unknown.
- ``reports``: stock, queue and tier reports as registered documents.
- ``letters``: a card's agreement and letters, and the batch of renewal-due letters.
- ``files``: writing a PDF to disk safely (temporary file, then rename).
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "fonts": ("DocumentsUnavailable",),
    "letters": ("CardDocument", "make_card_document", "record_card_print", "renewal_letters"),
    "qr": ("make_key", "sign_ticket", "signing_key"),
    "register": ("DocumentRow", "Made", "PieceData", "RegisterFilter", "attach_scan", "document_row",
                 "documents_for", "make_document", "record_print", "register_page", "reprint"),
    "reports": ("destruction_register", "report_branch", "stock_counts", "stock_reconciliation",
                "tier_worklist"),
    "templates": ("Template", "TemplateRow", "list_templates", "save_template", "template_text"),
    "verify": ("Verdict", "verify_document"),
})
