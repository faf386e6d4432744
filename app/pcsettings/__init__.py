"""Per-PC settings (issue 26): what IT sets once per PC, or pushes, in one plain file: the
store, the PC's name, its counter, the A4 printer, the lobby screen and the language.

Modules: ``fields`` (the settings, their checks and the environment variable that overrides
each), ``file`` (where the file is, reading and writing it, the override order), ``secret``
(the pre-sign-in login's password in the system keyring instead of the file).
"""
