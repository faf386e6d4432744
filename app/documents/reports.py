"""Reports as registered documents: stock reconciliation, physical counts, the destruction
register (with witness signature lines) and tier evaluation worklists (the queue's day report
is the queue's own, :mod:`app.queue.day_report`, made with this module's helpers).

Each report reads through its capability's own services or queries (so permissions and branch
scope are theirs), turns the result into a table, and is made by
:func:`app.documents.register.make_document` with its template: a PDF with QR, registered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.business_day import days_between, wall_clock
from app.documents.pdf import Table
from app.documents.register import Made, PieceData, make_document
from app.documents.wording import LOCATION_KINDS, WORKLIST_NAMES, card_type_name, tier_name
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.stock.common import branch_in_scope
from app.stock.rules import DESTROY, RETURN, SPOIL, describe_runs, parse_serials
from db.models import Branch, StaffAccount, StockCount, StockLocation, StockMove
from app.actor import Actor
from app.store import Store

PERIOD = QT_TRANSLATE_NOOP("fields", "Period")
MAX_PERIOD_DAYS = 366
Progress = Callable[[int, int], bool] | None


def report_branch(store: Store, actor: Actor, branch_code: str | None) -> Branch:
    """The branch a report is about: ``branch_code`` in the actor's scope, else the actor's own
    (NotFound outside scope); detached, for the letterhead."""
    with store.read() as session:
        branch = branch_in_scope(session, actor, code=branch_code) if branch_code else \
            branch_in_scope(session, actor)
        session.expunge(branch)
        return branch


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "the end is before the start"), field=PERIOD)
    if (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "can cover at most {days} days"), field=PERIOD,
                              days=MAX_PERIOD_DAYS)


def stock_reconciliation(store: Store, actor: Actor, *, business_date: date, branch_code: str | None = None,
                         progress: Progress = None) -> Made:
    """空白卡日终轧账表: every location and card type of a branch on one business day, and the
    audit trail's anchor as it stands when the report is made: the branch's paper archive then
    holds the trail to it (``audit verify --anchor`` proves later that it has only grown)."""
    from app.audit.trail import current_anchor
    from app.stock.books import reconcile_day

    branch = report_branch(store, actor, branch_code)
    lines = reconcile_day(store, actor, branch_id=branch.id, business_date=business_date)
    rows = []
    for line in lines:
        r = line.result
        opening, received, sent, closing = r.figures()
        note = line.explanation
        if line.signed:
            note = (note + "；" if note else "") + f"已签核：{line.signed_by}"
        rows.append([line.location_name, LOCATION_KINDS.get(line.location_kind, line.location_kind),
                     card_type_name(r.card_type), opening, received, sent, len(r.expected), closing,
                     f"{r.difference:+d}" if r.difference else "0", describe_runs(r.missing, 20),
                     describe_runs(r.unexpected, 20), note])
    fields = {"business_date": business_date.isoformat(), "line_count": len(lines),
              "difference_count": sum(1 for line in lines if not line.result.balanced),
              "signed_count": sum(1 for line in lines if line.signed),
              "audit_anchor": current_anchor(store).text()}
    table = Table((), rows, (2.4, 1.1, 1.4, 1, 1, 1, 1, 1, 1, 2.6, 2.6, 2.4))
    return make_document(store, actor, kind="report_stock_reconciliation", template_key="report_stock_reconciliation",
                         subject=f"空白卡日终轧账表 {branch.code} {business_date.isoformat()}", branch_id=branch.id,
                         subject_ref=f"stock_day:{branch.code}:{business_date.isoformat()}",
                         pieces=[PieceData(fields, (table,))], progress=progress)


def stock_counts(store: Store, actor: Actor, *, start: date, end: date, branch_code: str | None = None,
                 progress: Progress = None) -> Made:
    """空白卡盘点表: every blind count of a branch in a period, with its witness."""
    require(actor, Permission.VIEW_STOCK)
    _check_period(start, end)
    branch = report_branch(store, actor, branch_code)
    first, after = days_between(start, end)
    with store.read() as session:
        found = session.execute(
            select(StockCount, StockLocation.name).join(StockLocation, StockLocation.id == StockCount.location_id)
            .where(StockCount.branch_id == branch.id, StockCount.counted_at >= first, StockCount.counted_at < after)
            .order_by(StockCount.counted_at, StockCount.id)).all()
        names = staff_names(session)
        rows = [[f"{wall_clock(c.counted_at):%Y-%m-%d %H:%M}", location, card_type_name(c.card_type), c.expected, c.counted,
                 c.missing or "无", c.unexpected or "无", names(c.counted_by_name), names(c.witness_name)]
                for c, location in found]
        disagree = sum(1 for c, _ in found if c.missing or c.unexpected)
    fields = {"count_from": start.isoformat(), "count_to": end.isoformat(), "count_total": len(rows),
              "disagree_count": disagree}
    table = Table((), rows, (2, 1.8, 1, 1, 1, 2.4, 2.4, 1.3, 1.3))
    return make_document(store, actor, kind="report_stock_count", template_key="report_stock_count",
                         subject=f"空白卡盘点表 {branch.code} {start.isoformat()}—{end.isoformat()}",
                         branch_id=branch.id, subject_ref=f"stock_count:{branch.code}",
                         pieces=[PieceData(fields, (table,))], progress=progress)


def destruction_register(store: Store, actor: Actor, *, start: date, end: date, branch_code: str | None = None,
                         progress: Progress = None) -> Made:
    """重要空白凭证销毁登记簿: every destruction session of a period, each with a line for the
    witnesses to sign on paper."""
    require(actor, Permission.VIEW_STOCK)
    _check_period(start, end)
    branch = report_branch(store, actor, branch_code)
    with store.read() as session:
        moves = session.scalars(select(StockMove).where(
            StockMove.branch_id == branch.id, StockMove.kind == DESTROY, StockMove.business_date >= start,
            StockMove.business_date <= end).order_by(StockMove.business_date, StockMove.id)).all()
        names, why = staff_names(session), destruction_reasons(session, branch.id, moves)
        rows = [[m.business_date.isoformat(), card_type_name(m.card_type), m.count, m.serials,
                 m.reason or why.get(m.id, ""), names(m.made_by_name), names(m.witness_name), ""] for m in moves]
        destroyed = sum(m.count for m in moves)
    fields = {"period_from": start.isoformat(), "period_to": end.isoformat(), "destroyed_total": destroyed}
    table = Table((), rows, (1.4, 0.9, 0.7, 2.6, 2.8, 1.6, 2.6, 1.6))
    return make_document(store, actor, kind="report_destruction", template_key="report_destruction",
                         subject=f"空白卡销毁登记簿 {branch.code} {start.isoformat()}—{end.isoformat()}",
                         branch_id=branch.id, subject_ref=f"stock_destruction:{branch.code}",
                         pieces=[PieceData(fields, (table,))], progress=progress)


def staff_names(session) -> Callable[[str], str]:
    """Usernames as the stock books keep them (``manager, custodian2``) → the people's names
    as a register shows them (行长 陈建国、库管员 王芳); a name the store no longer knows stays."""
    known = dict(session.execute(select(StaffAccount.username, StaffAccount.display_name)).all())

    def names(usernames: str) -> str:
        return "、".join(known.get(u.strip()) or u.strip() for u in (usernames or "").split(",") if u.strip())
    return names


def destruction_reasons(session, branch_id: int, moves) -> dict[int, str]:
    """Why the cards of each destruction were destroyed: the spoilages and customer returns
    that put them out of use, with their recorded reasons (作废：制卡印刷错误；客户退回：换卡收回旧卡)."""
    earlier = session.scalars(select(StockMove).where(
        StockMove.branch_id == branch_id, StockMove.kind.in_((SPOIL, RETURN)))).all()
    cause: dict[str, str] = {}
    for move in earlier:
        label = {SPOIL: "作废", RETURN: "客户退回"}[move.kind]
        for serial in parse_serials(move.serials, card_type=move.card_type):
            cause[serial] = f"{label}：{move.reason}" if move.reason else label
    reasons = {}
    for move in moves:
        found = dict.fromkeys(cause[s] for s in parse_serials(move.serials, card_type=move.card_type) if s in cause)
        reasons[move.id] = "；".join(found)
    return reasons


def tier_worklist(store: Store, actor: Actor, *, evaluation_id: int, kind: str, progress: Progress = None) -> Made:
    """客户等级评定工作清单: one worklist of an evaluation, the actor's customers only (phones
    masked), on the actor's branch letterhead."""
    from app.tiers.evaluation import WORKLIST_KINDS, iter_worklist
    from db.models import TierEvaluation

    require(actor, Permission.VIEW_CUSTOMERS)
    if not (actor.may(Permission.RUN_TIER_EVALUATION) or actor.may(Permission.PROPOSE_TIER_EXCEPTION)
            or actor.may(Permission.APPROVE_TIER_EXCEPTION)):
        require(actor, Permission.RUN_TIER_EVALUATION)
    if kind not in WORKLIST_KINDS:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such worklist."))
    with store.read() as session:
        evaluation = session.get(TierEvaluation, evaluation_id)
        if evaluation is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such evaluation."))
        as_of = f"{evaluation.as_of // 100}-{evaluation.as_of % 100:02d}"
    branch = report_branch(store, actor, None) if actor.branch_id is not None else _root_branch(store)
    rows = [[r.cif_no, r.name, r.branch_code, r.phone_masked, "" if r.average is None else f"{r.average:,.2f}",
             tier_name(r.computed_tier), tier_name(r.effective_tier), card_type_name(r.card_type_held)]
            for r in iter_worklist(store, actor, evaluation_id, kind)]
    fields = {"worklist_name": WORKLIST_NAMES[kind], "as_of": as_of, "evaluation_number": evaluation_id,
              "entry_count": len(rows)}
    table = Table((), rows, (1.8, 1.6, 1.2, 1.6, 1.8, 1.3, 1.3, 1))
    return make_document(store, actor, kind="report_tier_worklist", template_key="report_tier_worklist",
                         subject=f"等级评定工作清单 {WORKLIST_NAMES[kind]} {as_of} {branch.code}",
                         branch_id=branch.id, subject_ref=f"tier_evaluation:{evaluation_id}:{kind}",
                         pieces=[PieceData(fields, (table,))], progress=progress)


def _root_branch(store: Store) -> Branch:
    with store.read() as session:
        branch = session.scalars(select(Branch).where(Branch.parent_id.is_(None)).order_by(Branch.id)).first()
        if branch is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such branch."))
        session.expunge(branch)
        return branch
