"""The VIP counter queue (issue 6): tickets, priority calling, the lobby display.

Modules: ``rules`` (pure: calling order, aging, numbers, transitions), ``setup`` (services,
counters, policy), ``tickets`` (issue and the lobby manager's controls), ``calling`` (the
counter: sign-in on one PC, call, recall, serve), ``views`` (live queue, display board),
``live`` (change notifications), ``stats`` (statistics and the tickets export), ``slip``
(the ticket slip PDF).
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "calling": ("act_unit_of_work", "call_next", "call_next_unit_of_work", "call_ticket", "finish_service",
                "heartbeat", "mark_no_show", "recall", "sign_in_counter", "sign_out_counter",
                "start_service"),
    "common": ("Desk", "TicketRow"),
    "day_report": ("queue_day",),
    "desk_commands": ("call_next_postgresql", "step_postgresql"),
    "performance": ("PerformanceRow", "clerk_performance", "export_performance"),
    "performance_report": ("clerk_performance_report",),
    "rules": ("QueuePolicy",),
    "setup": ("ServiceRow", "add_counter", "add_service", "branch_policy", "save_policy", "services_of",
              "set_counter", "set_opening_hours"),
    "slip": ("SlipContent", "slip_content", "write_slip"),
    "stats": ("StatRow", "export_tickets", "period_totals", "ticket_stats"),
    "tickets": ("cancel_ticket", "change_priority", "issue_ticket", "reactivate", "requeue",
                "reserve_for_counter", "transfer"),
    "views": ("Board", "CounterView", "Display", "board", "counter_view", "display", "slip_payload",
              "ticket_from_payload"),
})
