"""Words for the audit trail's action and entity codes (an unknown code is shown as it is)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

CONTEXT = "audit"

ACTIONS = {
    "account.create": QT_TRANSLATE_NOOP("audit", "Account created"),
    "account.update": QT_TRANSLATE_NOOP("audit", "Account changed"),
    "account.disable": QT_TRANSLATE_NOOP("audit", "Account disabled"),
    "account.enable": QT_TRANSLATE_NOOP("audit", "Account enabled"),
    "account.reset_password": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "account.unlock": QT_TRANSLATE_NOOP("audit", "Account unlocked"),
    "account.change_password": QT_TRANSLATE_NOOP("audit", "Own password changed"),
    "account.password_changed_outside": QT_TRANSLATE_NOOP("audit", "Password changed outside VIP Desk: account blocked"),
    "account.password_accepted": QT_TRANSLATE_NOOP("audit", "Password set outside VIP Desk accepted by the store's owner"),
    "branch.create": QT_TRANSLATE_NOOP("audit", "Branch added"),
    "branch.update": QT_TRANSLATE_NOOP("audit", "Branch changed"),
    "signin.success": QT_TRANSLATE_NOOP("audit", "Signed in"),
    "signin.failed": QT_TRANSLATE_NOOP("audit", "Sign-in failed"),
    "signin.refused_locked": QT_TRANSLATE_NOOP("audit", "Sign-in refused: locked"),
    "signin.refused_disabled": QT_TRANSLATE_NOOP("audit", "Sign-in refused: disabled"),
    "signin.refused_reset_needed": QT_TRANSLATE_NOOP("audit", "Sign-in refused: password reset needed"),
    "setting.update": QT_TRANSLATE_NOOP("audit", "Setting changed"),
    "audit.export": QT_TRANSLATE_NOOP("audit", "Audit trail exported"),
    "aum.import": QT_TRANSLATE_NOOP("audit", "AUM extract imported"),
    "aum.demo": QT_TRANSLATE_NOOP("audit", "Demo AUM written"),
    "tier_policy.create": QT_TRANSLATE_NOOP("audit", "Tier policy version saved"),
    "tier.evaluate": QT_TRANSLATE_NOOP("audit", "Tiers evaluated"),
    "tier.worklist_export": QT_TRANSLATE_NOOP("audit", "Tier worklist exported"),
    "tier_exception.propose": QT_TRANSLATE_NOOP("audit", "Tier exception proposed"),
    "tier_exception.approve": QT_TRANSLATE_NOOP("audit", "Tier exception approved"),
    "tier_exception.reject": QT_TRANSLATE_NOOP("audit", "Tier exception rejected"),
    "tier_exception.withdraw": QT_TRANSLATE_NOOP("audit", "Tier exception withdrawn"),
    "stock.receive": QT_TRANSLATE_NOOP("audit", "Blank cards received (awaiting confirmation)"),
    "stock.receive.confirm": QT_TRANSLATE_NOOP("audit", "Blank-card receipt confirmed"),
    "stock.receive.reject": QT_TRANSLATE_NOOP("audit", "Blank-card receipt rejected"),
    "stock.transfer.request": QT_TRANSLATE_NOOP("audit", "Blank-card transfer requested"),
    "stock.transfer.confirm": QT_TRANSLATE_NOOP("audit", "Blank-card transfer confirmed"),
    "stock.transfer.reject": QT_TRANSLATE_NOOP("audit", "Blank-card transfer rejected"),
    "stock.issue": QT_TRANSLATE_NOOP("audit", "Blank card issued"),
    "stock.spoil": QT_TRANSLATE_NOOP("audit", "Blank card spoiled"),
    "stock.return": QT_TRANSLATE_NOOP("audit", "Card returned by the customer"),
    "stock.destroy": QT_TRANSLATE_NOOP("audit", "Blank cards destroyed"),
    "stock.day.sign_off": QT_TRANSLATE_NOOP("audit", "Stock day signed off"),
    "stock.count": QT_TRANSLATE_NOOP("audit", "Stock counted"),
    "stock.minimum": QT_TRANSLATE_NOOP("audit", "Minimum stock set"),
    "stock.export": QT_TRANSLATE_NOOP("audit", "Stock exported"),
    "contact.create": QT_TRANSLATE_NOOP("audit", "Contact recorded"),
    "contact.update": QT_TRANSLATE_NOOP("audit", "Contact record changed"),
    "contact.follow_up_done": QT_TRANSLATE_NOOP("audit", "Follow-up done"),
    "complaint.accept": QT_TRANSLATE_NOOP("audit", "Complaint accepted"),
    "complaint.assign": QT_TRANSLATE_NOOP("audit", "Complaint assigned"),
    "complaint.investigate": QT_TRANSLATE_NOOP("audit", "Complaint investigation started"),
    "complaint.resolve": QT_TRANSLATE_NOOP("audit", "Complaint resolved"),
    "complaint.close": QT_TRANSLATE_NOOP("audit", "Complaint closed after follow-up"),
    "complaint.escalate": QT_TRANSLATE_NOOP("audit", "Overdue complaint escalated"),
    "customer.assign": QT_TRANSLATE_NOOP("audit", "Customers assigned"),
    "customer.assign_by_rule": QT_TRANSLATE_NOOP("audit", "Customers assigned by rule"),
    "customer.hand_over": QT_TRANSLATE_NOOP("audit", "Customer book handed over"),
    "customer.important_dates": QT_TRANSLATE_NOOP("audit", "Important dates written"),
    "card_application.submit": QT_TRANSLATE_NOOP("audit", "Card application entered"),
    "card_application.approve": QT_TRANSLATE_NOOP("audit", "Card application approved"),
    "card_application.reject": QT_TRANSLATE_NOOP("audit", "Card application rejected"),
    "card_application.cancel": QT_TRANSLATE_NOOP("audit", "Card application cancelled"),
    "card.issue": QT_TRANSLATE_NOOP("audit", "VIP card issued"),
    "card.replace": QT_TRANSLATE_NOOP("audit", "VIP card replaced"),
    "card.report_loss": QT_TRANSLATE_NOOP("audit", "VIP card reported lost"),
    "card.cancel": QT_TRANSLATE_NOOP("audit", "VIP card cancelled"),
    "card.expire": QT_TRANSLATE_NOOP("audit", "VIP card expired"),
    "card.agreement_signed": QT_TRANSLATE_NOOP("audit", "Service agreement marked signed"),
    "card.export": QT_TRANSLATE_NOOP("audit", "VIP cards exported"),
    "card_paperwork.print": QT_TRANSLATE_NOOP("audit", "Card paperwork printed"),
    "card_paperwork.renewal_letters": QT_TRANSLATE_NOOP("audit", "Renewal letters recorded"),
    # VIP counter queue
    "queue.service.add": QT_TRANSLATE_NOOP("audit", "Queue service added"),
    "queue.counter.add": QT_TRANSLATE_NOOP("audit", "Counter added"),
    "queue.counter.change": QT_TRANSLATE_NOOP("audit", "Counter changed"),
    "queue.counter.sign_in": QT_TRANSLATE_NOOP("audit", "Signed in at a counter"),
    "queue.counter.sign_out": QT_TRANSLATE_NOOP("audit", "Signed out of a counter"),
    "queue.policy.save": QT_TRANSLATE_NOOP("audit", "Calling policy saved"),
    "queue.issue": QT_TRANSLATE_NOOP("audit", "Queue ticket issued"),
    "queue.call": QT_TRANSLATE_NOOP("audit", "Ticket called"),
    "queue.call_out_of_order": QT_TRANSLATE_NOOP("audit", "Ticket called out of order"),
    "queue.recall": QT_TRANSLATE_NOOP("audit", "Ticket recalled"),
    "queue.no_show": QT_TRANSLATE_NOOP("audit", "Ticket marked a no-show"),
    "queue.start": QT_TRANSLATE_NOOP("audit", "Service started"),
    "queue.finish": QT_TRANSLATE_NOOP("audit", "Service finished"),
    "queue.transfer": QT_TRANSLATE_NOOP("audit", "Ticket transferred"),
    "queue.cancel": QT_TRANSLATE_NOOP("audit", "Ticket cancelled"),
    "queue.reactivate": QT_TRANSLATE_NOOP("audit", "No-show reactivated"),
    "queue.priority": QT_TRANSLATE_NOOP("audit", "Ticket priority changed"),
    "queue.reserve": QT_TRANSLATE_NOOP("audit", "Counter's next call reserved"),
    "queue.requeue": QT_TRANSLATE_NOOP("audit", "Ticket put back in the queue"),
    "queue.expire": QT_TRANSLATE_NOOP("audit", "Open tickets of earlier days expired"),
    "queue.demo_day": QT_TRANSLATE_NOOP("audit", "Demo queue day written"),
    "queue.export": QT_TRANSLATE_NOOP("audit", "Tickets exported"),
    "sql.insert": QT_TRANSLATE_NOOP("audit", "Row added with a SQL tool"),
    "sql.update": QT_TRANSLATE_NOOP("audit", "Row changed with a SQL tool"),
    "sql.delete": QT_TRANSLATE_NOOP("audit", "Row deleted with a SQL tool"),
    "session.end_stall": QT_TRANSLATE_NOOP("audit", "Session ended by the store: it held others up"),
}

# Prefixes an auditor narrows by, each covering a family of actions.
ACTION_GROUPS = {
    "account.": QT_TRANSLATE_NOOP("audit", "All account actions"),
    "branch.": QT_TRANSLATE_NOOP("audit", "All branch actions"),
    "signin.": QT_TRANSLATE_NOOP("audit", "All sign-in actions"),
    "setting.": QT_TRANSLATE_NOOP("audit", "All setting changes"),
    "audit.": QT_TRANSLATE_NOOP("audit", "All audit trail actions"),
    "tier": QT_TRANSLATE_NOOP("audit", "All tier actions"),
    "stock.": QT_TRANSLATE_NOOP("audit", "All blank-card stock actions"),
    "complaint.": QT_TRANSLATE_NOOP("audit", "All complaint actions"),
    "contact.": QT_TRANSLATE_NOOP("audit", "All contact record actions"),
    "card": QT_TRANSLATE_NOOP("audit", "All VIP card actions"),
    "queue.": QT_TRANSLATE_NOOP("audit", "All queue actions"),
    "sql.": QT_TRANSLATE_NOOP("audit", "All changes made with a SQL tool"),
}

ENTITIES = {
    "staff_account": QT_TRANSLATE_NOOP("audit", "Staff account"),
    "branch": QT_TRANSLATE_NOOP("audit", "Branch"),
    "setting": QT_TRANSLATE_NOOP("audit", "Setting"),
    "audit_event": QT_TRANSLATE_NOOP("audit", "Audit trail"),
    "aum_import": QT_TRANSLATE_NOOP("audit", "AUM import"),
    "aum_month": QT_TRANSLATE_NOOP("audit", "Monthly AUM"),
    "tier_policy": QT_TRANSLATE_NOOP("audit", "Tier policy"),
    "tier_evaluation": QT_TRANSLATE_NOOP("audit", "Tier evaluation"),
    "tier_exception": QT_TRANSLATE_NOOP("audit", "Tier exception"),
    "stock_move": QT_TRANSLATE_NOOP("audit", "Stock move"),
    "blank_card": QT_TRANSLATE_NOOP("audit", "Blank card"),
    "stock_day": QT_TRANSLATE_NOOP("audit", "Stock day"),
    "stock_count": QT_TRANSLATE_NOOP("audit", "Stock count"),
    "stock_minimum": QT_TRANSLATE_NOOP("audit", "Minimum stock"),
    "contact_record": QT_TRANSLATE_NOOP("audit", "Contact record"),
    "complaint": QT_TRANSLATE_NOOP("audit", "Complaint"),
    "card_application": QT_TRANSLATE_NOOP("audit", "Card application"),
    "vip_card": QT_TRANSLATE_NOOP("audit", "VIP card"),
    "card_paperwork": QT_TRANSLATE_NOOP("audit", "Card paperwork"),
    "queue_ticket": QT_TRANSLATE_NOOP("audit", "Queue ticket"),
    "queue_counter": QT_TRANSLATE_NOOP("audit", "Counter"),
    "queue_service": QT_TRANSLATE_NOOP("audit", "Queue service"),
    "queue_policy": QT_TRANSLATE_NOOP("audit", "Calling policy"),
    "queue_day": QT_TRANSLATE_NOOP("audit", "Queue day"),
}


def action_label(code: str) -> str:
    text = ACTIONS.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code


def entity_label(code: str) -> str:
    text = ENTITIES.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code


def group_label(prefix: str) -> str:
    return QCoreApplication.translate(CONTEXT, ACTION_GROUPS[prefix])
