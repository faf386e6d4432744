"""The one glossary of display names: what every screen, document and message calls things.

docs/domain.md's glossary, the names of the audit trail's actions, records and detail fields, and
how a sign-in attempt's actor is written, declared once. The code writes English source texts
(marked for the translation catalogues, context named beside each table); the screens show them
translated (Simplified Chinese by default), and :data:`TERMS` pins the Chinese every
catalogue must use for a domain term, so that a field is called the same in a form, its error
message, a table and a letter (``tests/ui/test_glossary.py`` holds every catalogue to it).

Pure data and functions: no Qt, no database.
"""

from __future__ import annotations

from app.errors import QT_TRANSLATE_NOOP

# English (code and source text) -> Chinese (UI), docs/domain.md's glossary and the customer
# record's fields. A source text listed here means the term wherever it appears, except in the
# contexts of HOMONYMS, where the same English word names something else.
TERMS = {
    "Branch": "网点",
    "Customer": "客户",
    "CIF number": "客户号",
    "Tier": "客户等级",
    "VIP card": "贵宾卡",
    "Blank card": "空白卡",
    "Card application": "贵宾卡申请",
    "Service agreement": "贵宾服务协议",
    "Queue ticket": "排队号",
    "Relationship manager": "理财经理",
    "Lobby manager": "大堂经理",
    "Counter staff": "柜员",
    "Custodian": "库管员",
    "Potential customer": "潜力客户",
    # tiers and card types (a tier is not a card: 白金 is the tier, 白金卡 the card)
    "Ordinary": "普通",
    "Gold": "金卡",
    "Platinum": "白金",
    "Diamond": "钻石",
    "Private banking": "私人银行",
    "Gold card": "金卡",
    "Platinum card": "白金卡",
    "Diamond card": "钻石卡",
    # the customer record's fields, as the form, the view, the lists and the errors name them
    "Name": "姓名",
    "Phone": "手机号",
    "Birthday": "出生日期",
    "E-mail": "电子邮箱",
    "Postcode": "邮编",
    "ID number": "证件号码",
    "ID type": "证件类型",
    "Card number": "卡号",
}

# The tiers of the default policy by code (context "tiers"): what a bank's own policy does not
# rename is called so on every screen and in every export (app.tiers.rules.DEFAULT_TIER_POLICY).
TIER_LABELS = {
    "ordinary": QT_TRANSLATE_NOOP("tiers", "Ordinary"),
    "gold": QT_TRANSLATE_NOOP("tiers", "Gold"),
    "platinum": QT_TRANSLATE_NOOP("tiers", "Platinum"),
    "diamond": QT_TRANSLATE_NOOP("tiers", "Diamond"),
    "private": QT_TRANSLATE_NOOP("tiers", "Private banking"),
}

# (context, English) pairs where the word names something else than the glossary's term.
HOMONYMS = {
    ("levels", "Branch"): "a level of the branch tree (分行)",
    ("BranchDialog", "Name"): "a branch's name (名称)",
    ("BranchesPage", "Name"): "a branch's name",
    ("TierPolicyPage", "Name"): "a tier's name",
    ("audit_fields", "Name"): "the name of whatever an event records (名称)",
    ("BranchDialog", "Phone"): "a branch's telephone (电话)",
    ("BranchesPage", "Phone"): "a branch's telephone",
    ("care", "Phone"): "a way of contacting (by telephone)",
    ("AccountDialog", "Branch"): "the branch an account belongs to (所属网点)",
    ("AccountsModel", "Branch"): "the branch an account belongs to",
    ("MyAccountPage", "Branch"): "the branch an account belongs to",
    ("CareKinds", "Birthday"): "a birthday greeting (生日), not the date of birth",
}

# Audit actions (context "audit"): every code a service, the database or a sign-in writes.
AUDIT_ACTIONS = {
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
    "queue.policy.opening_hours": QT_TRANSLATE_NOOP("audit", "Opening hours changed"),
    "queue.performance.export": QT_TRANSLATE_NOOP("audit", "Clerk performance exported"),
    "queue.issue": QT_TRANSLATE_NOOP("audit", "Queue ticket issued"),
    "visit.announce": QT_TRANSLATE_NOOP("audit", "VIP arrival told to the relationship manager"),
    "visit.receive": QT_TRANSLATE_NOOP("audit", "VIP arrival received"),
    "visit.appointment.book": QT_TRANSLATE_NOOP("audit", "Appointment booked"),
    "visit.appointment.check_in": QT_TRANSLATE_NOOP("audit", "Appointment checked in"),
    "visit.appointment.no_show": QT_TRANSLATE_NOOP("audit", "Appointment missed (no-show)"),
    "visit.appointment.cancel": QT_TRANSLATE_NOOP("audit", "Appointment cancelled"),
    "visit.rate": QT_TRANSLATE_NOOP("audit", "Service rated by the customer"),
    "visit.rating_complaint": QT_TRANSLATE_NOOP("audit", "Complaint opened from a rating"),
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
    "command.lost": QT_TRANSLATE_NOOP("audit", "Action lost with the connection at saving (not saved)"),
    # customer records
    "customer.create": QT_TRANSLATE_NOOP("audit", "Customer added"),
    "customer.update": QT_TRANSLATE_NOOP("audit", "Customer record changed"),
    "customer.activate": QT_TRANSLATE_NOOP("audit", "Customer record reactivated"),
    "customer.deactivate": QT_TRANSLATE_NOOP("audit", "Customer record deactivated"),
    "customer.import": QT_TRANSLATE_NOOP("audit", "Customers imported"),
    "customer.export": QT_TRANSLATE_NOOP("audit", "Customers exported"),
    "customer.view": QT_TRANSLATE_NOOP("audit", "Customer record viewed"),
    "customer.reveal": QT_TRANSLATE_NOOP("audit", "Masked field shown in full"),
    # documents
    "documents.make": QT_TRANSLATE_NOOP("audit", "Document made"),
    "documents.reprint": QT_TRANSLATE_NOOP("audit", "Document copy made"),
    "documents.print": QT_TRANSLATE_NOOP("audit", "Document printed"),
    "documents.scan.attach": QT_TRANSLATE_NOOP("audit", "Signed scan attached"),
    "documents.template.save": QT_TRANSLATE_NOOP("audit", "Document template saved"),
    "documents.key.create": QT_TRANSLATE_NOOP("audit", "Document signing key created"),
    # more of the families above
    "stock.destroy.confirm": QT_TRANSLATE_NOOP("audit", "Blank-card destruction confirmed"),
    "stock.destroy.reject": QT_TRANSLATE_NOOP("audit", "Blank-card destruction rejected"),
    "card_paperwork.print_batch": QT_TRANSLATE_NOOP("audit", "Card paperwork printed in a batch"),
    "care.figures.rebuild": QT_TRANSLATE_NOOP("audit", "Care figures rebuilt"),
    # personal data encrypted at rest (app.crypto)
    "pii.keys.init": QT_TRANSLATE_NOOP("audit", "Personal-data encryption keys made"),
    "pii.keys.rotate": QT_TRANSLATE_NOOP("audit", "Personal-data keys re-wrapped under a new master key"),
    "pii.encrypt": QT_TRANSLATE_NOOP("audit", "Personal data encrypted in place"),
}

# Families of actions an auditor narrows the trail by: every action belongs to one.
ACTION_FAMILIES = {
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
    "visit.": QT_TRANSLATE_NOOP("audit", "All VIP arrival and appointment actions"),
    "customer.": QT_TRANSLATE_NOOP("audit", "All customer record actions"),
    "documents.": QT_TRANSLATE_NOOP("audit", "All document actions"),
    "pii.": QT_TRANSLATE_NOOP("audit", "All personal-data encryption actions"),
    "aum.": QT_TRANSLATE_NOOP("audit", "All AUM actions"),
    "care.": QT_TRANSLATE_NOOP("audit", "All customer care actions"),
    "sql.": QT_TRANSLATE_NOOP("audit", "All changes made with a SQL tool"),
    "session.": QT_TRANSLATE_NOOP("audit", "All sessions ended by the store"),
    "command.": QT_TRANSLATE_NOOP("audit", "All actions lost with the connection"),
}

AUDIT_ENTITIES = {
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
    "visit_arrival": QT_TRANSLATE_NOOP("audit", "VIP arrival"),
    "visit_appointment": QT_TRANSLATE_NOOP("audit", "Appointment"),
    "service_rating": QT_TRANSLATE_NOOP("audit", "Service rating"),
    "queue_counter": QT_TRANSLATE_NOOP("audit", "Counter"),
    "queue_service": QT_TRANSLATE_NOOP("audit", "Queue service"),
    "queue_policy": QT_TRANSLATE_NOOP("audit", "Calling policy"),
    "queue_day": QT_TRANSLATE_NOOP("audit", "Queue day"),
    "customer": QT_TRANSLATE_NOOP("audit", "Customer"),
    "document": QT_TRANSLATE_NOOP("audit", "Document"),
    "care_figures": QT_TRANSLATE_NOOP("audit", "Care figures"),
    "customer_export": QT_TRANSLATE_NOOP("audit", "Customer export"),
    "customer_import": QT_TRANSLATE_NOOP("audit", "Customer import"),
    "pii_key": QT_TRANSLATE_NOOP("audit", "Personal-data encryption key"),
    "document_signing_key": QT_TRANSLATE_NOOP("audit", "Document signing key"),
    "document_template": QT_TRANSLATE_NOOP("audit", "Document template"),
    "command_key": QT_TRANSLATE_NOOP("audit", "Action key"),
}

# Store-wide settings by key (context "audit"): an event about one names it by these words.
SETTINGS = {
    "signin_policy": QT_TRANSLATE_NOOP("audit", "Sign-in policy"),
    "card_policy": QT_TRANSLATE_NOOP("audit", "Card products"),
    "care_policy": QT_TRANSLATE_NOOP("audit", "Care policy"),
    "documents.qr_key": QT_TRANSLATE_NOOP("audit", "Document signing key"),
}

# The fields an event's before/after records (context "audit_fields"), named for a reader.
AUDIT_FIELDS = {
    "active": QT_TRANSLATE_NOOP("audit_fields", "Active"),
    "address": QT_TRANSLATE_NOOP("audit_fields", "Address"),
    "agreement_signed_on": QT_TRANSLATE_NOOP("audit_fields", "Agreement signed on"),
    "application_id": QT_TRANSLATE_NOOP("audit_fields", "Application"),
    "as_of": QT_TRANSLATE_NOOP("audit_fields", "As of"),
    "assigned_to": QT_TRANSLATE_NOOP("audit_fields", "Assigned to"),
    "average": QT_TRANSLATE_NOOP("audit_fields", "Rolling quarterly average"),
    "branch": QT_TRANSLATE_NOOP("audit_fields", "Branch"),
    "branch_id": QT_TRANSLATE_NOOP("audit_fields", "Branch"),
    "card_id": QT_TRANSLATE_NOOP("audit_fields", "VIP card"),
    "card_number": QT_TRANSLATE_NOOP("audit_fields", "Card number"),
    "card_type": QT_TRANSLATE_NOOP("audit_fields", "Card type"),
    "channel": QT_TRANSLATE_NOOP("audit_fields", "Channel"),
    "cif_no": QT_TRANSLATE_NOOP("audit_fields", "CIF number"),
    "code": QT_TRANSLATE_NOOP("audit_fields", "Code"),
    "comment": QT_TRANSLATE_NOOP("audit_fields", "Comment"),
    "contacted_at": QT_TRANSLATE_NOOP("audit_fields", "Contacted at"),
    "count": QT_TRANSLATE_NOOP("audit_fields", "Count"),
    "counter": QT_TRANSLATE_NOOP("audit_fields", "Counter"),
    "customer_id": QT_TRANSLATE_NOOP("audit_fields", "Customer"),
    "customers": QT_TRANSLATE_NOOP("audit_fields", "Customers"),
    "day": QT_TRANSLATE_NOOP("audit_fields", "Day"),
    "deadline_at": QT_TRANSLATE_NOOP("audit_fields", "Deadline"),
    "decision_comment": QT_TRANSLATE_NOOP("audit_fields", "Comment"),
    "disabled": QT_TRANSLATE_NOOP("audit_fields", "Disabled"),
    "display_name": QT_TRANSLATE_NOOP("audit_fields", "Full name"),
    "expires_on": QT_TRANSLATE_NOOP("audit_fields", "Expires on"),
    "field": QT_TRANSLATE_NOOP("audit_fields", "Field"),
    "file": QT_TRANSLATE_NOOP("audit_fields", "File"),
    "follow_up_on": QT_TRANSLATE_NOOP("audit_fields", "Follow-up date"),
    "follow_up_status": QT_TRANSLATE_NOOP("audit_fields", "Follow-up status"),
    "from": QT_TRANSLATE_NOOP("audit_fields", "From"),
    "kind": QT_TRANSLATE_NOOP("audit_fields", "Kind"),
    "level": QT_TRANSLATE_NOOP("audit_fields", "Level"),
    "locked_until": QT_TRANSLATE_NOOP("audit_fields", "Locked until"),
    "method": QT_TRANSLATE_NOOP("audit_fields", "Contact method"),
    "minimum": QT_TRANSLATE_NOOP("audit_fields", "Minimum"),
    "move": QT_TRANSLATE_NOOP("audit_fields", "Stock move"),
    "must_change_password": QT_TRANSLATE_NOOP("audit_fields", "Must change password"),
    "name": QT_TRANSLATE_NOOP("audit_fields", "Name"),
    "number": QT_TRANSLATE_NOOP("audit_fields", "Number"),
    "parent_id": QT_TRANSLATE_NOOP("audit_fields", "Parent branch"),
    "phone": QT_TRANSLATE_NOOP("audit_fields", "Phone"),
    "place": QT_TRANSLATE_NOOP("audit_fields", "Place"),
    "policy_version": QT_TRANSLATE_NOOP("audit_fields", "Policy version"),
    "reason": QT_TRANSLATE_NOOP("audit_fields", "Reason"),
    "relationship_manager_id": QT_TRANSLATE_NOOP("audit_fields", "Relationship manager"),
    "roles": QT_TRANSLATE_NOOP("audit_fields", "Roles"),
    "rows": QT_TRANSLATE_NOOP("audit_fields", "Rows"),
    "satisfaction": QT_TRANSLATE_NOOP("audit_fields", "Satisfaction"),
    "serial": QT_TRANSLATE_NOOP("audit_fields", "Serial"),
    "serials": QT_TRANSLATE_NOOP("audit_fields", "Serials"),
    "state": QT_TRANSLATE_NOOP("audit_fields", "State"),
    "status": QT_TRANSLATE_NOOP("audit_fields", "Status"),
    "tier": QT_TRANSLATE_NOOP("audit_fields", "Tier"),
    "to": QT_TRANSLATE_NOOP("audit_fields", "To"),
    "username": QT_TRANSLATE_NOOP("audit_fields", "User name"),
    "valid_until": QT_TRANSLATE_NOOP("audit_fields", "Valid until"),
    "witness": QT_TRANSLATE_NOOP("audit_fields", "Witness"),
}

# A sign-in attempt is written by the database before anyone is signed in, in the name
# "signin:<user name typed>".
SIGNIN_ACTOR_PREFIX = "signin:"


def action_family(code: str) -> str | None:
    """The family (a key of :data:`ACTION_FAMILIES`) ``code`` belongs to, the longest that
    matches; None for a code outside every family."""
    matches = [prefix for prefix in ACTION_FAMILIES if code.startswith(prefix)]
    return max(matches, key=len) if matches else None


def signin_user(actor_name: str) -> str | None:
    """The user name a sign-in attempt was made with, or None for any other actor."""
    if actor_name.startswith(SIGNIN_ACTOR_PREFIX):
        return actor_name[len(SIGNIN_ACTOR_PREFIX):]
    return None
