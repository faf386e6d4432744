"""Personal data encrypted at rest: ID numbers, phones and card numbers (issue 28).

``cipher`` seals one value with AES-256-GCM (or SM4-GCM where a bank requires the national
algorithms), bound to its table, column and row so that a ciphertext moved to another row or
column fails to open; ``blind`` makes the keyed HMAC indexes that searches and uniqueness use
instead of the clear value; ``keys`` wraps the data keys with a master key that is never
stored in the database; ``custody`` loads that master key (a file only its owner reads, two
custodians' key parts, a passphrase, or the OS keyring).
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "cipher": ("DecryptError",),
    "custody": ("CustodyError",),
    "keys": ("KeyRing", "KeyUnavailable"),
    "sealing": ("Progress", "encrypt_store"),
    "vault": ("give_keys", "init_keys", "rotate"),
})
