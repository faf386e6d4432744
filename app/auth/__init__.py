"""Users, roles, permissions, branch scope and sign-in."""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "accounts": ("AccountRow", "change_own_password", "create_account", "list_accounts", "reset_password",
                 "set_disabled", "unlock", "update_account"),
    "branches": ("BranchLevel", "BranchRow", "create_branch", "list_branches", "update_branch"),
    "countersign": ("countersigned",),
    "gate": ("SignedIn",),
    "policy": ("SignInPolicy", "save_policy"),
    "setup": ("create_first_administrator", "needs_first_administrator"),
    "signin": ("sign_in", "unlock_screen"),
})
