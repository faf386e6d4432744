"""The VIP counter queue (issue 6): tickets, priority calling, the lobby display.

Modules: ``rules`` (pure: calling order, aging, numbers, transitions), ``setup`` (services,
counters, policy), ``tickets`` (issue and the lobby manager's controls), ``calling`` (the
counter: sign-in on one PC, call, recall, serve), ``views`` (live queue, display board),
``live`` (change notifications), ``stats`` (statistics and the tickets export), ``slip``
(the ticket slip PDF).
"""
