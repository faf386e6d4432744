"""VIP Desk business layer: rules and services, free of Qt, shared by the GUI and the CLI."""

__version__ = "0.1.0"
