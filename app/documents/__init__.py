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
