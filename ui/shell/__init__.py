"""The main window: navigation over the pages the signed-in person may use, idle lock."""
