"""Tiers: versioned tier policy, rolling quarterly daily-average AUM and tier evaluation.

``rules`` holds the pure rules (no database, no Qt, no I/O); ``policy_store`` the policy
versions; ``aum_import`` the monthly AUM extract; ``evaluation`` the set-based evaluation and
its worklists; ``exceptions`` the maker-checker tier exceptions; ``summary`` one customer's
tier and why.
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "aum_import": ("AumImportResult", "ImportRow", "import_aum", "list_imports"),
    "evaluation": ("EvaluationResult", "EvaluationRow", "WorklistRow", "evaluate_tiers", "export_worklist",
                   "iter_worklist", "latest_evaluation", "worklist_counts", "worklist_page"),
    "exceptions": ("CustomerBrief", "ExceptionRow", "decide_exception", "find_customer_by_cif",
                   "list_exceptions", "pending_count", "propose_exception", "withdraw_exception"),
    "policy_store": ("save_policy",),
    "rules": ("TierPolicy",),
    "summary": ("TierSummary", "tier_summary"),
})
