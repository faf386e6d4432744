"""The audit anchor: a short text naming where every lane of the trail stood, to keep on paper.

A fingerprint of the lanes' heads cannot tell a trail that was cut back and written again from
one that merely grew: both just have other heads. An anchor instead names *positions*: for each
lane, the number (seq) of its last event and that event's hash. Later, ``audit verify --anchor``
checks that every lane still holds the noted event with the noted hash. Because each event's
hash covers the one before it, that event still being there, in a chain that verifies, means
the lane's first events up to it are exactly as they were when the anchor was noted: the trail
has only grown since. A lane cut back past the anchor, or rewritten at or before it, no longer
holds that event.

The text form (version 1)::

    VDA1-0:1523:9F3C,1:88:07AB-6B3F9A0C2D4E1F07A1B2-5C1E
    ^^^^ ^^^^^^^^^^^^^^^^^^^^^ ^^^^^^^^^^^^^^^^^^^^ ^^^^
    form lane:seq:hash prefix   digest               check

- ``VDA1`` names the form, so an old paper can still be read if the form ever changes.
- one ``lane:seq:hhhh`` per lane that holds events, lanes ascending (``none`` for an empty
  trail): the lane, the seq of its last event and the first 4 hex digits (16 bits) of that
  event's hash. The seq says how far each lane must still reach; the prefix lets a failed check
  name the lane that no longer holds its event.
- the digest: the first 20 hex digits (80 bits) of SHA-256 over every head's *full* hash. This
  is what makes the anchor hard to forge: a 16-bit prefix alone could be matched by re-writing a
  lane some 65,000 times; matching the digest takes about 2^80 tries (80 + 16 bits per lane).
- the check: CRC-16/CCITT of everything before it. It is computed from the text alone, so a
  mistyped anchor is reported as *malformed* instead of as a cut trail: any single character
  typed wrong and any two neighbours swapped are always caught (numbers are written without
  leading zeros, so every such slip changes the canonical text in one or two adjacent bytes, a
  burst CRC-16 never misses); other slips slip through once in 65,536.

Upper-case hex, ASCII punctuation and no spaces, so that it is one word for a shell and easy to
copy by hand; when read back, case, white space (a line break where a printout wrapped it) and
full-width characters typed with a Chinese input method are forgiven. One lane (a SQLite store)
gives about 40 characters; each further lane about 12 more.
"""

from __future__ import annotations

import binascii
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.errors import QT_TRANSLATE_NOOP, ValidationError

FORM = "VDA1"
NO_LANES = "NONE"
PREFIX_HEX = 4     # per lane: 16 bits of the head's hash
DIGEST_HEX = 20    # over all heads: 80 bits
CHECK_HEX = 4      # CRC-16
MAX_TEXT = 10_000  # room for hundreds of lanes (PostgreSQL writes 32); longer is not an anchor
MAX_LANE = 32767   # audit_event.lane is a smallint
MAX_SEQ = 2**63 - 1

ANCHOR = QT_TRANSLATE_NOOP("fields", "Audit anchor")
NOT_AN_ANCHOR = QT_TRANSLATE_NOOP("errors", "is not an audit anchor (one starts with VDA1-)")
BAD_FORM = QT_TRANSLATE_NOOP(
    "errors", "is not written as VDA1-lane:event:hash,…-digest-check; compare it with the paper again")
BAD_CHECK = QT_TRANSLATE_NOOP(
    "errors", "has a typing mistake (its last 4 characters do not match the rest); compare it with the "
              "paper again")

_NUMBER = r"(0|[1-9][0-9]*)"
_MARK = re.compile(rf"{_NUMBER}:{_NUMBER}:([0-9A-F]{{{PREFIX_HEX}}})")
_DIGEST = re.compile(rf"[0-9A-F]{{{DIGEST_HEX}}}")
_CHECK = re.compile(rf"[0-9A-F]{{{CHECK_HEX}}}")


class AnchorMalformed(ValidationError):
    """The text is not an audit anchor as :func:`anchor_of` writes them (nothing was checked)."""

    def __init__(self, template: str):
        super().__init__(template, field=ANCHOR)


@dataclass(frozen=True)
class LaneMark:
    """Where one lane stood: its last event's seq and the first hex digits of its hash."""

    lane: int
    seq: int
    prefix: str


@dataclass(frozen=True)
class Anchor:
    marks: tuple[LaneMark, ...]
    digest: str

    def body(self) -> str:
        lanes = ",".join(f"{m.lane}:{m.seq}:{m.prefix}" for m in self.marks) or NO_LANES
        return f"{FORM}-{lanes}-{self.digest}"

    def text(self) -> str:
        body = self.body()
        return f"{body}-{_check(body)}"

    def __str__(self) -> str:
        return self.text()


def _check(body: str) -> str:
    return f"{binascii.crc_hqx(body.encode('ascii'), 0xFFFF):04X}"


def heads_digest(heads: Iterable[tuple[int, int, str]]) -> str:
    """The anchor's digest: SHA-256 over ``(lane, seq, hash)`` of every head, lanes ascending."""
    text = "|".join([FORM] + [f"{lane}:{seq}:{head.lower()}" for lane, seq, head in sorted(heads)])
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:DIGEST_HEX].upper()


def anchor_of(heads: Iterable[tuple[int, int, str]]) -> Anchor:
    """The anchor of a trail whose lanes end at ``heads``: ``(lane, seq, hash)`` of each lane's
    last event (lanes without events are left out)."""
    heads = sorted(heads)
    marks = tuple(LaneMark(lane, seq, head[:PREFIX_HEX].upper()) for lane, seq, head in heads)
    return Anchor(marks, heads_digest(heads))


def parse_anchor(text: str) -> Anchor:
    """Read an anchor back; anything else raises :class:`AnchorMalformed` (never another error)."""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise AnchorMalformed(NOT_AN_ANCHOR)
    compact = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    parts = compact.split("-")
    if parts[0] != FORM:
        raise AnchorMalformed(NOT_AN_ANCHOR)
    if len(parts) != 4 or not _DIGEST.fullmatch(parts[2]) or not _CHECK.fullmatch(parts[3]):
        raise AnchorMalformed(BAD_FORM)
    marks: list[LaneMark] = []
    if parts[1] != NO_LANES:
        for item in parts[1].split(","):
            match = _MARK.fullmatch(item)
            if not match:
                raise AnchorMalformed(BAD_FORM)
            lane, seq = int(match.group(1)), int(match.group(2))
            if lane > MAX_LANE or not 1 <= seq <= MAX_SEQ or (marks and lane <= marks[-1].lane):
                raise AnchorMalformed(BAD_FORM)
            marks.append(LaneMark(lane, seq, match.group(3)))
    anchor = Anchor(tuple(marks), parts[2])
    if _check(anchor.body()) != parts[3]:
        raise AnchorMalformed(BAD_CHECK)
    return anchor


def anchor_problem(anchor: Anchor, lane_ends: Mapping[int, int], at_marks: Mapping[int, str]) -> str:
    """Why ``anchor`` is not part of a verified trail, or "" when the trail grew from it.

    ``lane_ends``: the seq of each lane's last event now; ``at_marks``: for each lane of the
    anchor that still reaches the noted seq, the full hash of its event at that seq. The first
    lane found wrong is named (a cut is told apart from a hash that differs)."""
    for mark in anchor.marks:
        end = lane_ends.get(mark.lane, 0)
        if end < mark.seq:
            now = f"it ends at event {end}" if end else "it has no events"
            return (f"lane {mark.lane} was cut back past the anchor: {now}, the anchor noted "
                    f"event {mark.seq}")
        found = at_marks.get(mark.lane, "")
        if not found.upper().startswith(mark.prefix):
            return (f"lane {mark.lane} no longer holds the anchor's event {mark.seq} (that event has "
                    f"another hash): the lane was cut back past the anchor and written again, or "
                    f"rewritten at or before event {mark.seq}")
    if heads_digest((m.lane, m.seq, at_marks[m.lane]) for m in anchor.marks) != anchor.digest:
        return ("the events at the anchor's positions are not the noted ones (their hashes do not "
                "give the anchor's digest): a lane was rewritten at or before the anchor")
    return ""
