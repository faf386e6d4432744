"""Problems with the store itself (where it is, what schema it has), raised by the db layer."""


class StoreError(Exception):
    """The store cannot be used as asked; the message says why and what to do."""


class SchemaMismatch(StoreError):
    """The store's schema is not the one this program was built for."""

    def __init__(self, message: str, *, current: str | None, expected: str):
        super().__init__(message)
        self.current = current
        self.expected = expected
