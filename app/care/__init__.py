"""Care and complaints, the relationship-manager side of the CRM.

``rules`` holds the pure rules (care policy, contact due dates, complaint deadlines, upcoming
dates, the complaint state machine); ``common`` the stored policy and scope lookups;
``assignment`` who looks after whom (one by one, by rule, hand-over, the unkept report);
``contacts`` contact records; ``complaints`` the complaint lifecycle and escalation;
``worklist`` a keeper's list for today; ``dashboard`` the branch manager's figures.
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "assignment": ("RuleResult", "UnkeptRow", "assign_by_rule", "assign_customers", "hand_over",
                   "staff_loads", "unkept_count", "unkept_customers"),
    "common": ("Keeper", "care_policy", "save_policy"),
    "complaints": ("ComplaintRow", "accept_complaint", "assign_complaint", "close_complaint", "complaint",
                   "escalate_overdue", "list_complaints", "resolve_complaint", "start_investigation"),
    "contacts": ("ContactInput", "ContactRow", "complete_follow_up", "contact", "contacts_of",
                 "customer_name", "record_contact", "update_contact"),
    "dashboard": ("Dashboard", "care_dashboard", "fold_figures", "rebuild_figures"),
    "rules": ("CarePolicy",),
    "worklist": ("Worklist", "today_worklist"),
})
