"""VIP cards: applications and their decisions, issuing, servicing, paperwork and card products."""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "applications": ("ApplicationRow", "awaiting_my_decision", "check_application", "count_applications",
                     "decide_application", "get_application", "list_applications", "submit_application",
                     "withdraw_application"),
    "common": ("EligibilityFacts",),
    "holder": ("CardHolder", "holder_of_card"),
    "issue": ("IssueResult", "OldCard", "check_number", "issue_card"),
    "paperwork": ("LetterData", "PaperworkRow", "UnsignedRow", "cards_expiring_in_month", "letter_data",
                  "letters_data", "mark_agreement_signed", "mark_printed", "paperwork_due",
                  "record_renewal_letters", "unsigned_agreements", "unsigned_count"),
    "policy": ("card_policy", "save_card_policy"),
    "rules": ("CardNumberCheck", "CardPolicy"),
    "servicing": ("CardChange", "cancel_card", "expire_cards", "report_loss"),
    "views": ("CardRow", "DrawerStock", "card_history", "expiring_cards", "expiring_count", "export_cards",
              "get_card", "my_drawer"),
})
