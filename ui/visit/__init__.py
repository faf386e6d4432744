"""Screens of the VIP's visit (issue 29): the arrival notices a relationship manager or branch
manager sees on every page, and the lobby's line of who is coming to receive whom."""
