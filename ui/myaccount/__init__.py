"""My account page: who I am, and changing my own password."""
