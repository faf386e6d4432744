"""The database checks a tier policy version as the app saves it: the next version, in force no
earlier than the latest, with a body the app can read back.

Revision ID: 0032
Revises: 0031

Migration 0026 let an ``edit_policy`` holder add a ``tier_policy`` row in their own name and
never rewrite one, but took any version number, date and body. With psql an administrator could
therefore add a version in force before the latest one (``app.tiers.policy_store.save_policy``
refuses that: history only moves forward, so re-running a past month's evaluation keeps the
policy it used), skip or choose version numbers, or store bands the app would never save
(bounds not rising from 0, a card type that goes down, an unknown card, a code twice, a float
for a bound). Such a body also made every reader of the policy history fail
(``TierPolicy.from_dict`` refuses it): the tier evaluation and the policy pages stopped working.

The guard now also requires, for a staff login's INSERT: the version one above the highest
stored (the built-in default is version 1); an ``effective_from`` no earlier than the latest
stored one (unless every stored version starts before the built-in default's 2000-01-01, as the
app has it); and a body exactly as ``save_policy`` writes it (``json.dumps`` of the bands and the
below-standard rule, checked on the JSON text: numbers as written, a repeated key counts once,
its last value, as Python's json reads it):

* ``{"bands": [...], "below_standard": {...}}`` and no other key;
* at least two bands, each ``{"code", "label", "lower_bound", "card_type"}`` and no other key:
  codes of 1 to 32 lower-case letters, digits or ``_`` beginning with a letter, none twice;
  bounds as text with two decimals and at most 15 digits before the point, the first 0.00, then
  strictly rising; card types null or a VIP card type, never going down from band to band;
  labels as ``app.text.clean_text`` leaves them (1 to 40 characters, NFKC, no control, format,
  private-use or supplementary-plane character, single spaces between words, none of Python's
  other white space);
* the rule ``{"months": 1..12, "tolerance_percent": "0.00".."50.00"}``.

Not checked by the store: whether a label holds a code point unassigned in Unicode (the app
refuses those; the list depends on the Unicode version, so it is not copied here).
``tests/db/test_pg_last_line_tiers.py`` holds these checks equal to the app's on a set of bodies.
"""
from alembic import op

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None

# The app's rules as of this revision (tests/db/test_pg_last_line_tiers.py holds them equal):
CARD_TYPES = ("gold", "platinum", "diamond")            # app.tiers.rules.CARD_TYPES, lowest first
DEFAULT_VERSION = 1                                      # app.tiers.rules.DEFAULT_TIER_POLICY
DEFAULT_EFFECTIVE_FROM = "2000-01-01"
MAX_BELOW_STANDARD_MONTHS = 12                           # app.tiers.rules
MAX_TOLERANCE_PERCENT = 50
TIER_CODE_RE = r"^[a-z][a-z0-9_]{0,31}$"                 # app.tiers.rules._TIER_CODE
BOUND_RE = r"^(0|[1-9][0-9]{0,14})[.][0-9]{2}$"          # f"{bound:.2f}", MAX_INTEGER_DIGITS = 15
TOLERANCE_RE = r"^(0|[1-9][0-9]?)[.][0-9]{2}$"
LABEL_MAX = 40
# What app.text.clean_text refuses or rewrites in a single-line field, as code point ranges:
# control characters (Cc), format characters (Cf, Unicode 14), private use (Co), anything beyond
# the Basic Multilingual Plane, and Python's white space other than the space.
LABEL_REFUSED = [
    (0x01, 0x1F), (0x7F, 0x9F),
    (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F), (0x890, 0x891),
    (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064),
    (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0xE000, 0xF8FF), (0x10000, 0x10FFFF),
    (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F),
    (0x3000, 0x3000), (0xA0, 0xA0),
]

FUNCTIONS = r"""
-- A tier's label as app.text.clean_text leaves it (a single-line field of at most 40 characters).
CREATE FUNCTION vipdesk_private.tier_label_ok(p_label text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(length(p_label) BETWEEN 1 AND @LABEL_MAX@ AND p_label IS NFKC NORMALIZED
                    AND p_label !~ @LABEL_REFUSED_RE@ AND p_label !~ '^ | $|  ', false)
$$;

-- A tier policy version's body exactly as app.tiers.policy_store.save_policy writes it.
CREATE FUNCTION vipdesk_private.tier_policy_body_ok(p_body json) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v jsonb := p_body::jsonb;  -- the structure as Python's json reads it (a repeated key: its last value)
    b jsonb;
    v_codes text[] := '{}';
    v_bound numeric;
    v_previous numeric;
    v_rank integer;
    v_previous_rank integer;
BEGIN
    IF jsonb_typeof(v) IS DISTINCT FROM 'object'
       OR (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(v) k) IS DISTINCT FROM ARRAY['bands', 'below_standard']
       OR jsonb_typeof(v -> 'bands') IS DISTINCT FROM 'array' OR jsonb_array_length(v -> 'bands') < 2
       OR jsonb_typeof(v -> 'below_standard') IS DISTINCT FROM 'object'
       OR (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(v -> 'below_standard') k)
          IS DISTINCT FROM ARRAY['months', 'tolerance_percent']
       OR NOT vipdesk_private.json_whole(p_body -> 'below_standard' -> 'months', 1, @MAX_MONTHS@)
       OR jsonb_typeof(v -> 'below_standard' -> 'tolerance_percent') IS DISTINCT FROM 'string'
       OR v -> 'below_standard' ->> 'tolerance_percent' !~ '@TOLERANCE_RE@'
       OR (v -> 'below_standard' ->> 'tolerance_percent')::numeric > @MAX_TOLERANCE@ THEN
        RETURN false;
    END IF;
    FOR b IN SELECT value FROM jsonb_array_elements(v -> 'bands') LOOP
        IF jsonb_typeof(b) IS DISTINCT FROM 'object'
           OR (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(b) k)
              IS DISTINCT FROM ARRAY['card_type', 'code', 'label', 'lower_bound']
           OR jsonb_typeof(b -> 'code') IS DISTINCT FROM 'string' OR b ->> 'code' !~ '@TIER_CODE_RE@'
           OR (b ->> 'code') = ANY (v_codes)
           OR jsonb_typeof(b -> 'label') IS DISTINCT FROM 'string' OR NOT vipdesk_private.tier_label_ok(b ->> 'label')
           OR jsonb_typeof(b -> 'lower_bound') IS DISTINCT FROM 'string' OR b ->> 'lower_bound' !~ '@BOUND_RE@'
           OR jsonb_typeof(b -> 'card_type') NOT IN ('null', 'string') THEN
            RETURN false;
        END IF;
        v_rank := CASE WHEN jsonb_typeof(b -> 'card_type') = 'null' THEN 0
                       ELSE array_position(@CARD_TYPES@, b ->> 'card_type') END;
        v_bound := (b ->> 'lower_bound')::numeric;
        IF v_rank IS NULL OR (v_previous IS NULL AND v_bound <> 0)
           OR v_bound <= v_previous OR v_rank < v_previous_rank THEN
            RETURN false;
        END IF;
        v_codes := v_codes || (b ->> 'code');
        v_previous := v_bound;
        v_previous_rank := v_rank;
    END LOOP;
    RETURN true;
END
$$;
"""

GUARD = r"""
CREATE OR REPLACE FUNCTION vipdesk_guard_tier_policy() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_top integer;
    v_latest date;
    v_body json;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    PERFORM vipdesk_require('edit_policy');
    IF TG_OP <> 'INSERT' OR NEW.created_by IS DISTINCT FROM (
            SELECT username FROM staff_account WHERE id = vipdesk_account_id()) THEN
        RAISE EXCEPTION 'refused: a tier policy version is added in its author''s name, never rewritten'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT max(version), max(effective_from) INTO v_top, v_latest FROM tier_policy;
    IF NEW.version IS DISTINCT FROM coalesce(v_top, @DEFAULT_VERSION@) + 1 OR NEW.effective_from IS NULL
       OR (v_latest >= DATE '@DEFAULT_EFFECTIVE_FROM@' AND NEW.effective_from < v_latest) THEN
        RAISE EXCEPTION 'refused: a tier policy version is the next one, in force no earlier than the latest'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    BEGIN
        v_body := NEW.body::json;
        PERFORM v_body::jsonb;
    EXCEPTION WHEN data_exception THEN
        v_body := NULL;
    END;
    IF v_body IS NULL OR NOT vipdesk_private.tier_policy_body_ok(v_body) THEN
        RAISE EXCEPTION 'refused: a tier policy''s bands and rule as the policy page saves them'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
"""

# Migration 0026's definition, put back by the downgrade.
PREVIOUS_GUARD = r"""
CREATE OR REPLACE FUNCTION vipdesk_guard_tier_policy() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    PERFORM vipdesk_require('edit_policy');
    IF TG_OP <> 'INSERT' OR NEW.created_by IS DISTINCT FROM (
            SELECT username FROM staff_account WHERE id = vipdesk_account_id()) THEN
        RAISE EXCEPTION 'refused: a tier policy version is added in its author''s name, never rewritten'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
"""

SIGNATURES = ["vipdesk_private.tier_label_ok(text)", "vipdesk_private.tier_policy_body_ok(json)"]


def _ranges(ranges) -> str:
    """An E'' literal of a regular expression matching a character of any of ``ranges``."""
    def char(code: int) -> str:
        return f"\\\\u{code:04x}" if code <= 0xFFFF else f"\\\\U{code:08x}"
    return "E'[" + "".join(char(lo) if lo == hi else f"{char(lo)}-{char(hi)}" for lo, hi in ranges) + "]'"


def sql() -> tuple[str, str]:
    """The functions and the guard with this revision's rules filled in."""
    names = {
        "LABEL_MAX": str(LABEL_MAX), "LABEL_REFUSED_RE": _ranges(LABEL_REFUSED),
        "MAX_MONTHS": str(MAX_BELOW_STANDARD_MONTHS), "MAX_TOLERANCE": str(MAX_TOLERANCE_PERCENT),
        "TOLERANCE_RE": TOLERANCE_RE, "TIER_CODE_RE": TIER_CODE_RE, "BOUND_RE": BOUND_RE,
        "CARD_TYPES": "ARRAY[" + ", ".join(f"'{t}'" for t in CARD_TYPES) + "]",
        "DEFAULT_VERSION": str(DEFAULT_VERSION), "DEFAULT_EFFECTIVE_FROM": DEFAULT_EFFECTIVE_FROM,
    }
    functions, guard = FUNCTIONS, GUARD
    for key, value in names.items():
        functions, guard = functions.replace(f"@{key}@", value), guard.replace(f"@{key}@", value)
    return functions, guard


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    functions, guard = sql()
    run(bind, ";\n".join([functions, "REVOKE EXECUTE ON FUNCTION " + ", ".join(SIGNATURES) + " FROM PUBLIC",
                          guard]))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, ";\n".join([PREVIOUS_GUARD, "DROP FUNCTION " + ", ".join(reversed(SIGNATURES))]))
