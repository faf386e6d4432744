"""Who is acting: the signed-in person (or a batch job) with roles and branch scope."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.auth.permissions import Permission, Role, permissions_of


@dataclass(frozen=True)
class Actor:
    """The acting user as services see them; ``branch_path`` bounds what they may see."""

    account_id: int | None
    username: str
    display_name: str
    roles: frozenset[Role]
    branch_id: int | None
    branch_code: str
    branch_name: str
    branch_path: str
    must_change_password: bool = False
    permissions: frozenset[Permission] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "permissions", permissions_of(self.roles))

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions

    def sees(self, branch_path: str) -> bool:
        """True when a branch with ``branch_path`` lies in this actor's subtree."""
        return branch_path.startswith(self.branch_path)

    @classmethod
    def batch(cls, name: str) -> Actor:
        """A command-line job: acts with every permission over the whole tree."""
        return cls(
            account_id=None, username=name, display_name=name, roles=frozenset({Role.SYSTEM}),
            branch_id=None, branch_code="", branch_name="", branch_path="/",
        )
