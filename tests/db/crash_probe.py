"""Started by the crash drill: issue a card, and die (as a power cut would) inside the issue
transaction, after the serial has left the drawer and the card row is written, before commit."""

import os
import sys

sys.path.insert(0, os.getcwd())

from app.cards import issue
from app.opening import open_store
from tests.conftest import TEST_MASTER_KEY
from tests.db.helpers import actor_named


def _die(*_args, **_kwargs):
    os._exit(9)


url, application, serial, number = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
store = open_store(url, master=TEST_MASTER_KEY)
issue.record_paperwork = _die
issue.issue_card(store, actor_named(store, "teller"), application, serial=serial, card_number=number)
os._exit(0)  # never reached: the drill reads exit 0 as "did not crash"
