"""Users, roles, permissions, branch scope and sign-in."""
