"""The queue screens: the lobby (tickets), the counter (calling), the lobby display, statistics and set-up."""
