"""VIP Desk entry point: no argument opens the GUI; a subcommand runs a batch job.

Import stays cheap (start-up time): every command imports what it needs when it runs. The
engine is built here, from ``--db`` / ``VIPDESK_DB_URL`` / the per-user SQLite file, and handed
down. A user error prints one line on stderr and exits non-zero, without a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

EXIT_USER_ERROR = 2
EXIT_CHECK_FAILED = 1


class _Parser(argparse.ArgumentParser):
    """A usage error as every other failure (docs/architecture.md): one line on stderr, non-zero exit."""

    def error(self, message: str):
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _gui_only(argv: list[str]) -> bool:
    """Whether ``argv`` holds nothing but the GUI's own options (``--db URL``, ``--demo``): then
    the commands' parsers are not built (a few milliseconds of the start-up budget)."""
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--db" and rest:
            rest.pop(0)
        elif token != "--demo" and not token.startswith("--db="):
            return False
    return True


def _parser(*, commands: bool = True) -> argparse.ArgumentParser:
    from app import __version__

    parser = _Parser(prog="main.py", description="VIP Desk, the desk client for a bank branch's VIP area.")
    parser.add_argument("--version", action="version", version=f"VIP Desk {__version__}")
    parser.add_argument("--db", metavar="URL", help="store URL (SQLAlchemy form); default: $VIPDESK_DB_URL, this PC's settings file, or a SQLite file in your data directory")
    parser.add_argument("--demo", action="store_true", help="open the GUI on a fresh demo store")
    parser.set_defaults(command=None)
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="create or migrate the schema")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_upgrade = db_sub.add_parser("upgrade", help="create or migrate the schema (Alembic); a new store gets its data "
                                                   "keys, a store with clear numbers is sealed on the way")
    db_upgrade.add_argument("--db", metavar="URL", dest="sub_db")
    db_upgrade.add_argument("--key-file", metavar="PATH", type=Path,
                            help="the master key file (default: this user's key folder, by the store's key fingerprint)")

    demo = sub.add_parser("demo", help="fill an empty store with realistic demo data")
    demo.add_argument("--db", metavar="URL", dest="sub_db")
    demo.add_argument("--customers", metavar="N", type=int, default=200, help="how many demo customers (default 200)")
    demo.add_argument("--seed", metavar="S", type=int, default=2026, help="random seed of the demo data (default 2026)")
    demo.add_argument("--key-file", metavar="PATH", type=Path,
                      help="seal the demo's personal data under a new master key written to PATH (mode 0600)")

    import_customers = sub.add_parser("import-customers", help="import the core-banking customer extract")
    import_customers.add_argument("file", metavar="FILE.csv", type=Path)
    import_customers.add_argument("--skip-bad", action="store_true", help="import the good lines and report the bad ones")
    import_customers.add_argument("--encoding", choices=["utf-8", "gb18030"],
                                  help="the file's encoding (default: decided from the file)")
    import_customers.add_argument("--bad-lines", metavar="FILE", type=Path,
                                  help="write every bad line's number and reason to FILE")
    import_customers.add_argument("--db", metavar="URL", dest="sub_db")

    import_aum = sub.add_parser("import-aum", help="import the monthly AUM extract (cif_no, month, avg_daily_aum)")
    import_aum.add_argument("file", metavar="FILE.csv", type=Path)
    import_aum.add_argument("--skip-bad", action="store_true", help="import the good lines and report the bad ones")
    import_aum.add_argument("--encoding", choices=["utf-8", "gb18030"],
                            help="the file's encoding (default: decided from the file)")
    import_aum.add_argument("--bad-lines", metavar="FILE", type=Path,
                            help="write every bad line's number and reason to FILE")
    import_aum.add_argument("--db", metavar="URL", dest="sub_db")

    bookings = sub.add_parser("appointments", help="appointments (预约)")
    bookings_sub = bookings.add_subparsers(dest="appointments_command", metavar="ACTION", required=True)
    bookings_import = bookings_sub.add_parser("import", help="import appointments booked in other channels "
                                              "(cif_no, date, from, until, service prefix, note)")
    bookings_import.add_argument("file", metavar="FILE.csv", type=Path)
    bookings_import.add_argument("--skip-bad", action="store_true", help="import the good lines and report the bad ones")
    bookings_import.add_argument("--encoding", choices=["utf-8", "gb18030"],
                                 help="the file's encoding (default: decided from the file)")
    bookings_import.add_argument("--bad-lines", metavar="FILE", type=Path,
                                 help="write every bad line's number and reason to FILE")
    bookings_import.add_argument("--db", metavar="URL", dest="sub_db")

    tiers = sub.add_parser("tiers", help="tier evaluation")
    tiers_sub = tiers.add_subparsers(dest="tiers_command", metavar="ACTION", required=True)
    evaluate = tiers_sub.add_parser("evaluate", help="evaluate every customer's tier and make the worklists")
    evaluate.add_argument("--as-of", metavar="YYYY-MM", help="the last month of the quarter (default: last month)")
    evaluate.add_argument("--db", metavar="URL", dest="sub_db")

    care = sub.add_parser("care", help="care and complaints")
    care_sub = care.add_subparsers(dest="care_command", metavar="ACTION", required=True)
    care_sub.add_parser("rebuild-figures", help="recount the care dashboard's figures from the customers, tier "
                        "changes, cards and complaints (a repair; writers wait meanwhile)").add_argument(
        "--db", metavar="URL", dest="sub_db")

    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser("verify", help="check the hash chain and print its anchor; exit 0 when intact")
    verify.add_argument("--anchor", metavar="TEXT", help="an anchor printed earlier (VDA1-...): also prove the trail "
                        "has only grown since it (exit 1 when it was cut back past it or rewritten)")
    verify.add_argument("--db", metavar="URL", dest="sub_db")

    backup = sub.add_parser("backup", help="consistent online copy of a SQLite store")
    backup.add_argument("out", metavar="OUT", type=Path)
    backup.add_argument("--db", metavar="URL", dest="sub_db")

    stock = sub.add_parser("stock", help="blank-card stock")
    stock_sub = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    reconcile = stock_sub.add_parser("reconcile", help="day-end reconciliation of a branch; exit 1 on an unexplained difference")
    reconcile.add_argument("--branch", metavar="CODE", required=True)
    reconcile.add_argument("--date", metavar="YYYY-MM-DD", required=True)
    reconcile.add_argument("--db", metavar="URL", dest="sub_db")

    letters = sub.add_parser("letters", help="card letters")
    letters_sub = letters.add_subparsers(dest="letters_command", metavar="ACTION", required=True)
    renewals = letters_sub.add_parser("renewals", help="all renewal-due letters of a branch for the cards expiring in a month, in one PDF")
    renewals.add_argument("--branch", metavar="CODE", required=True)
    renewals.add_argument("--month", metavar="YYYY-MM", required=True)
    renewals.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    renewals.add_argument("--db", metavar="URL", dest="sub_db")

    doc = sub.add_parser("doc", help="documents")
    doc_sub = doc.add_subparsers(dest="doc_command", metavar="ACTION", required=True)
    doc_verify = doc_sub.add_parser("verify", help="check the text a scanner reads off a document's QR code; exit 0 when genuine")
    doc_verify.add_argument("payload", metavar="PAYLOAD")
    doc_verify.add_argument("--db", metavar="URL", dest="sub_db")

    export = sub.add_parser("export", help="write a CSV export (masked)")
    export.add_argument("kind", choices=["audit", "cards", "customers", "performance", "stock", "tickets"],
                        metavar="KIND", help="what to export: audit, cards, customers, performance, stock, tickets")
    export.add_argument("out", metavar="OUT.csv", type=Path)
    export.add_argument("--english", action="store_true",
                        help="column headers in English (default: Chinese, as the screens show them)")
    export.add_argument("--branch", metavar="CODE", help="performance: the branch (required)")
    export.add_argument("--month", metavar="YYYY-MM", help="performance: the month (required)")
    export.add_argument("--by", choices=["day", "month"], default="day", help="performance: a row per day or month")
    export.add_argument("--per", choices=["clerk", "counter"], default="clerk",
                        help="performance: a row per clerk or per counter")
    export.add_argument("--db", metavar="URL", dest="sub_db")

    keys = sub.add_parser("keys", help="the data keys that seal ID numbers, phones and card numbers")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    init = keys_sub.add_parser("init", help="give the store its data keys, wrapped by a new master key "
                                            "written to --key-file (mode 0600) or kept in this user's keyring")
    init.add_argument("--algorithm", choices=["aes-256-gcm", "sm4-gcm"], default="aes-256-gcm")
    rotate = keys_sub.add_parser("rotate", help="re-wrap the data keys under a new master key written to "
                                                "--new-key-file; nothing is re-encrypted, clients keep working")
    rotate.add_argument("--new-key-file", metavar="PATH", type=Path, required=True)
    split = keys_sub.add_parser("split", help="print the master key as two custodians' key parts (escrow)")
    pii = sub.add_parser("pii", help="personal data encrypted at rest")
    pii_sub = pii.add_subparsers(dest="pii_command", metavar="ACTION", required=True)
    encrypt = pii_sub.add_parser("encrypt", help="seal every ID number, phone and card number not sealed yet "
                                                 "(resumable: a stopped run carries on where it stopped)")
    for command in (init, rotate, split, encrypt):
        command.add_argument("--db", metavar="URL", dest="sub_db")
        command.add_argument("--key-file", metavar="PATH", type=Path,
                             help="the master key file (default $VIPDESK_MASTER_KEY_FILE)")
        command.add_argument("--key-parts", action="store_true", help="ask two custodians for their key parts")
        command.add_argument("--keyring", action="store_true", help="the master key in this user's OS keyring")
    return parser


def _store_url(args) -> str:
    from app.locations import resolve_store_url

    return resolve_store_url(getattr(args, "sub_db", None) or args.db)


def _batch_actor(name: str):
    from app.actor import Actor

    try:
        user = getpass.getuser()
    except Exception:  # no login name in some service environments
        user = "unknown"
    return Actor.batch(f"cli:{name}:{user}"[:64])


def _progress(p) -> None:
    print(f"{p.kind}: {p.done:,} of {p.total:,} sealed", file=sys.stderr, flush=True)


def _given_master(args) -> bytes | None:
    """The master key the command names (--key-file, --key-parts, --keyring), or None to use
    this PC's custody (app.crypto.custody.find_master; a new store: a new key in the default file)."""
    if not (getattr(args, "key_file", None) or getattr(args, "key_parts", False) or getattr(args, "keyring", False)):
        return None
    return _master_key(args, None)


def _key_note(store) -> str:
    """Where this PC keeps the store's master key when it is in the default key folder."""
    from app.crypto import custody, vault

    check = vault.master_check_of(store)
    path = custody.default_key_file(check) if check is not None else None
    if path is None or not path.exists():
        return ""
    return f"; its master key is kept in {path}: escrow it (python main.py keys split)"


def cmd_db_upgrade(args) -> int:
    from app.opening import open_store
    from db.migrate import head_revision

    store = open_store(_store_url(args), migrate=True, master=_given_master(args), progress=_progress)
    print(f"{store.describe()}: schema at revision {head_revision()}"
          + (_key_note(store) if store.keys is not None else "; this PC has not the store's master key"))
    return 0


def cmd_demo(args) -> int:
    from app.crypto import custody
    from app.demo import build_demo
    from app.opening import open_store

    from app.errors import QT_TRANSLATE_NOOP, ValidationError

    if not 0 <= args.customers <= 5_000_000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                              field="--customers", low=0, high=5_000_000)
    master = None
    if args.key_file is not None and not args.key_file.exists():
        master = custody.new_master_key()
        custody.write_key_file(args.key_file, master)
    elif args.key_file is not None:
        master = custody.read_key_file(args.key_file)
    store = open_store(_store_url(args), migrate=True, master=master)
    logins = build_demo(store, customers=args.customers, seed=args.seed)
    if args.key_file is not None:
        print(f"Personal data sealed under the master key in {args.key_file}.")
    elif note := _key_note(store):
        print(f"Personal data sealed{note}.")
    print(f"Demo data written to {store.describe()}. Logins (password {logins[0].password}):")
    for login in logins:
        print(f"  {login.username:<12} {login.branch_code:<8} {', '.join(login.roles)}")
    return 0


def cmd_audit_verify(args) -> int:
    from app.audit.anchor import parse_anchor
    from app.audit.trail import verify_chain
    from app.opening import open_store

    noted = parse_anchor(args.anchor) if args.anchor is not None else None  # a typo: before any work
    result = verify_chain(open_store(_store_url(args)), anchor=noted)
    if not result.intact:
        print(f"audit chain broken: {result.problem}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    if result.anchor_problem:
        print(f"audit trail does not hold the anchor: {result.anchor_problem}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print(f"audit chain intact: {result.checked} events in {result.lanes} lanes, anchor {result.anchor}")
    if noted is not None:
        print(f"the trail holds the anchor {noted}: it has only grown since")
    return 0


def cmd_backup(args) -> int:
    from app.backup import backup_sqlite
    from app.opening import open_store

    size = backup_sqlite(open_store(_store_url(args)), args.out)
    print(f"backup written to {args.out} ({size:,} bytes)")
    return 0


def cmd_export(args) -> int:
    from app.audit.trail import export_audit
    from app.cards.views import export_cards
    from app.catalogue import translator
    from app.customers.transfer import export_customers
    from app.opening import open_store
    from app.queue.stats import export_tickets
    from app.stock.views import export_stock

    say = None if args.english else translator()
    if args.kind == "performance":
        return _export_performance(args, say)
    exporter = {"audit": export_audit, "cards": export_cards, "customers": export_customers,
                "stock": export_stock, "tickets": export_tickets}[args.kind]
    count = exporter(open_store(_store_url(args)), _batch_actor("export"), args.out, say=say)
    print(f"{count} rows written to {args.out}")
    return 0


def _export_performance(args, say) -> int:
    """Clerk performance of one branch in one month (``--branch``, ``--month``) as a CSV."""
    import calendar
    from datetime import date

    from app.documents.letters import parse_month
    from app.opening import open_store
    from app.queue.performance import export_performance

    if not args.branch or not args.month:
        print("error: the performance export needs --branch CODE and --month YYYY-MM", file=sys.stderr)
        return 2
    year, month = parse_month(args.month)
    count = export_performance(open_store(_store_url(args)), _batch_actor("export"), args.out,
                               start=date(year, month, 1), end=date(year, month, calendar.monthrange(year, month)[1]),
                               grain=args.by, subject=args.per, branch_code=args.branch, say=say)
    print(f"{count} rows written to {args.out}")
    return 0


def _bad_lines(problems, count: int, args, prefix: str = "") -> None:
    """The bad lines on stdout, the first ones by number and reason and then how many more;
    with ``--bad-lines FILE`` every one of them written to FILE (whole, or not at all)."""
    from app.outfile import published
    from app.tiers.aum_import import MAX_REPORTED

    for problem in problems[:MAX_REPORTED]:
        print(f"{prefix}{problem}")
    if args.bad_lines is not None:
        text = "".join(f"{problem}\n" for problem in problems)
        with published(args.bad_lines, lambda handle: handle.write(text.encode("utf-8"))):
            pass
    more = count - min(len(problems), MAX_REPORTED)
    if more > 0:
        print(f"... and {more} more bad line(s)" + (f", every one listed in {args.bad_lines}" if args.bad_lines
                                                     else " (--bad-lines FILE lists every one)"))


def cmd_import_aum(args) -> int:
    from app.csvio import ImportRefused
    from app.opening import open_store
    from app.tiers.aum_import import MAX_REPORTED, import_aum

    store = open_store(_store_url(args))
    try:
        result = import_aum(store, _batch_actor("import-aum"), args.file, skip_bad=args.skip_bad,
                            encoding=args.encoding, keep_problems=None if args.bad_lines else MAX_REPORTED)
    except ImportRefused as refused:
        _bad_lines(refused.problems, refused.bad_lines, args)
        print(f"error: {refused.bad_lines} bad line(s) in {args.file.name}; nothing was imported "
              "(--skip-bad imports the good lines)", file=sys.stderr)
        return EXIT_USER_ERROR
    _bad_lines(result.problems, result.rows_skipped, args, prefix="skipped ")
    print(f"{result.file_name}: {result.rows_read} lines read, {result.rows_changed} values changed, "
          f"{result.rows_unchanged} unchanged, {result.rows_skipped} skipped"
          + (" (this file was imported before)" if result.seen_before else ""))
    return 0


def cmd_import_customers(args) -> int:
    from app.csvio import ImportRefused
    from app.customers.transfer import MAX_REPORTED, import_customers
    from app.opening import open_store

    store = open_store(_store_url(args))
    try:
        result = import_customers(store, _batch_actor("import-customers"), args.file, skip_bad=args.skip_bad,
                                  encoding=args.encoding, keep_problems=None if args.bad_lines else MAX_REPORTED)
    except ImportRefused as refused:
        _bad_lines(refused.problems, refused.bad_lines, args)
        print(f"error: {refused.bad_lines} bad line(s) in {args.file.name}; nothing was imported "
              "(--skip-bad imports the good lines)", file=sys.stderr)
        return EXIT_USER_ERROR
    _bad_lines(result.problems, result.rows_skipped, args, prefix="skipped ")
    print(f"{result.file_name}: {result.rows_read} lines read, {result.rows_changed} changed "
          f"({result.inserted} new, {result.updated} updated), {result.unchanged} unchanged, "
          f"{result.rows_skipped} skipped")
    return 0


def cmd_appointments_import(args) -> int:
    from app.csvio import ImportRefused
    from app.opening import open_store
    from app.visit.appointments import import_appointments

    store = open_store(_store_url(args))
    try:
        booked, problems = import_appointments(store, _batch_actor("appointments"), args.file,
                                               skip_bad=args.skip_bad, encoding=args.encoding)
    except ImportRefused as refused:
        _bad_lines(refused.problems, refused.bad_lines, args)
        print(f"error: {refused.bad_lines} bad line(s) in {args.file.name}; nothing was imported "
              "(--skip-bad imports the good lines)", file=sys.stderr)
        return EXIT_USER_ERROR
    _bad_lines(problems, len(problems), args, prefix="skipped ")
    print(f"{args.file.name}: {booked} appointment(s) booked, {len(problems)} line(s) skipped")
    return 0


def cmd_tiers_evaluate(args) -> int:
    from app.opening import open_store
    from app.tiers.evaluation import evaluate_tiers, parse_as_of

    store = open_store(_store_url(args))
    as_of = parse_as_of(args.as_of, today=store.today()) if args.as_of is not None else None
    result = evaluate_tiers(store, _batch_actor("tiers"), as_of)
    c = result.counts
    print(f"evaluation {result.evaluation_id} as of {result.as_of // 100}-{result.as_of % 100:02d} "
          f"(policy version {result.policy_version}): {c['customers']} customers, "
          f"{c['changed']} tier changes ({c['upgraded']} up, {c['downgraded']} down); worklists: "
          f"{c['upgrade']} upgrade, {c['below_standard']} below standard, {c['first_card']} first card")
    return 0


def cmd_care_rebuild_figures(args) -> int:
    from app.care.dashboard import rebuild_figures
    from app.opening import open_store

    rows = rebuild_figures(open_store(_store_url(args)), _batch_actor("care"))
    print("care dashboard figures recounted: " + ", ".join(f"{table} {n} rows" for table, n in rows.items()))
    return 0


def cmd_stock_reconcile(args) -> int:
    from datetime import date

    from app.errors import ValidationError
    from app.opening import open_store
    from app.stock.books import reconcile_day
    from app.stock.rules import describe_runs

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise ValidationError("{value} is not a date (YYYY-MM-DD)", field="--date", value=args.date) from None
    lines = reconcile_day(open_store(_store_url(args)), _batch_actor("stock"), branch_code=args.branch,
                          business_date=day)
    print(f"stock reconciliation {args.branch.upper()} {day.isoformat()}: {len(lines)} location(s) and card type(s)")
    unexplained = 0
    for line in lines:
        r = line.result
        opening, received, sent, closing = r.figures()
        status = "balanced" if r.balanced else f"DIFFERENCE {r.difference:+d}"
        if not r.balanced and line.explanation:
            status += f" (explained: {line.explanation})"
        elif not r.balanced:
            unexplained += 1
        signed = f", signed off by {line.signed_by}" if line.signed else ""
        print(f"  {line.location_kind:<6} {line.location_name:<12} {r.card_type:<8} opening {opening} + in {received} "
              f"- out {sent} = {len(r.expected)}; on hand {closing}: {status}{signed}")
        if r.missing:
            print(f"    missing: {describe_runs(r.missing)}")
        if r.unexpected:
            print(f"    unexpected: {describe_runs(r.unexpected)}")
    if unexplained:
        print(f"error: {unexplained} unexplained difference(s)", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return 0


def cmd_doc_verify(args) -> int:
    from app.documents.verify import verify_document
    from app.opening import open_store

    verdict = verify_document(open_store(_store_url(args)), _batch_actor("doc"), args.payload)
    if verdict.genuine:
        print(verdict.line())
        return 0
    print(verdict.line(), file=sys.stderr)
    return EXIT_CHECK_FAILED


def cmd_letters_renewals(args) -> int:
    from app.documents.letters import parse_month, renewal_letters
    from app.opening import open_store
    from app.outfile import published

    year, month = parse_month(args.month)
    made = renewal_letters(open_store(_store_url(args)), _batch_actor("letters"), branch_code=args.branch,
                           year=year, month=month,
                           deliver=lambda pdf: published(args.out, lambda handle: handle.write(pdf)))
    print(f"{len(made.piece_pages)} renewal-due letters ({made.pages} pages) written to {args.out}, "
          f"registered as document {made.number}")
    return 0


def _master_key(args, store) -> bytes:
    """The master key from the source the command names: two custodians' parts, this user's
    keyring, or a key file (``--key-file`` or $VIPDESK_MASTER_KEY_FILE)."""
    import os

    from app.crypto import custody
    from app.errors import QT_TRANSLATE_NOOP

    if args.key_parts:
        return custody.combine(getpass.getpass("custodian A, key part: "), getpass.getpass("custodian B, key part: "))
    if args.keyring:
        return custody.from_keyring(store.describe() if store is not None else "")
    path = args.key_file or os.environ.get("VIPDESK_MASTER_KEY_FILE")
    if not path and store is not None and store.keys is not None:     # found in this PC's custody
        from app.crypto import vault

        check = vault.master_check_of(store)
        found = custody.find_master(check) if check is not None else None
        if found is not None:
            return found
    if not path:
        raise custody.CustodyError(QT_TRANSLATE_NOOP(
            "errors", "no master key: give --key-file, --key-parts or --keyring (or set VIPDESK_MASTER_KEY_FILE)"))
    return custody.read_key_file(Path(path))


def cmd_keys_init(args) -> int:
    from app.crypto import custody, vault
    from app.errors import QT_TRANSLATE_NOOP
    from app.opening import open_store

    store = open_store(_store_url(args))
    if not args.keyring and not args.key_file:
        raise custody.CustodyError(QT_TRANSLATE_NOOP("errors", "keys init writes the new master key to --key-file or --keyring"))
    master = custody.new_master_key()
    if args.key_file:
        custody.write_key_file(args.key_file, master)
    try:
        vault.init_keys(store, _batch_actor("keys"), master, args.algorithm)
    except BaseException:
        if args.key_file:
            args.key_file.unlink()        # the store took no key: this one would open nothing
        raise
    if args.keyring:
        custody.to_keyring(store.describe(), master)
    where = args.key_file or "this user's keyring"
    print(f"{store.describe()}: data keys made ({args.algorithm}), wrapped by the master key in {where}; "
          "escrow it now: python main.py keys split")
    return 0


def cmd_keys_rotate(args) -> int:
    from app.crypto import custody, vault
    from app.opening import open_store

    store = open_store(_store_url(args))
    old = _master_key(args, store)
    new = custody.new_master_key()
    custody.write_key_file(args.new_key_file, new)
    try:
        count = vault.rotate(store, _batch_actor("keys"), old, new)
    except BaseException:
        args.new_key_file.unlink()        # nothing was re-wrapped: the new key wraps nothing
        raise
    from app.crypto.keys import master_check

    kept = ""
    if custody.default_key_file(master_check(old)).exists():     # this PC's custody follows the rotation
        kept = f" and in {custody.keep_in_default_file(new, master_check(new))}"
    print(f"{count} data keys re-wrapped under the master key in {args.new_key_file}{kept}; "
          "escrow it (keys split), then destroy the old key file and its escrowed parts")
    return 0


def cmd_keys_split(args) -> int:
    from app.crypto import custody, vault
    from app.opening import open_store

    store = open_store(_store_url(args))
    master = _master_key(args, store)
    vault.open_ring(store, master)            # only a key that opens this store is escrowed
    a, b = custody.split(master)
    print(f"custodian A: {a}\ncustodian B: {b}")
    return 0


def cmd_pii_encrypt(args) -> int:
    from app.opening import open_store
    from db.migrate import head_revision

    store = open_store(_store_url(args), migrate=True, master=_master_key(args, None), progress=_progress)
    print(f"{store.describe()}: personal data sealed, the clear columns dropped; schema at revision {head_revision()}")
    return 0


COMMANDS = {
    ("keys", "init"): cmd_keys_init,
    ("keys", "rotate"): cmd_keys_rotate,
    ("keys", "split"): cmd_keys_split,
    ("pii", "encrypt"): cmd_pii_encrypt,
    ("doc", "verify"): cmd_doc_verify,
    ("letters", "renewals"): cmd_letters_renewals,
    ("stock", "reconcile"): cmd_stock_reconcile,
    ("import-aum", None): cmd_import_aum,
    ("import-customers", None): cmd_import_customers,
    ("appointments", "import"): cmd_appointments_import,
    ("tiers", "evaluate"): cmd_tiers_evaluate,
    ("care", "rebuild-figures"): cmd_care_rebuild_figures,
    ("db", "upgrade"): cmd_db_upgrade,
    ("demo", None): cmd_demo,
    ("audit", "verify"): cmd_audit_verify,
    ("backup", None): cmd_backup,
    ("export", None): cmd_export,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(commands=not _gui_only(argv)).parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(store_url=args.db, demo=args.demo)
    action = getattr(args, f"{args.command}_command", None)
    from app.errors import UserError

    try:
        return COMMANDS[(args.command, action)](args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a store fault on a path no unit of work wraps: still one line
        from app.faults import translate

        translated = translate(exc)
        if translated is None:
            raise
        print(f"error: {translated}", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
