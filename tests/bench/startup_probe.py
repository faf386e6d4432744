"""Started as a child process by the start-up bench: shows a window, exits once it is shown.

``bare``: a bare QApplication showing one widget (the baseline docs/architecture.md names).
``app URL``: VIP Desk's own start (``main.py --db URL``) up to its login window.
The first ``QWidget.show`` schedules an immediate exit from the event loop, so the process's
wall time is the time to a window on screen.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_show = QWidget.show


def _show_then_exit(self):
    _show(self)
    QTimer.singleShot(0, lambda: os._exit(0))


QWidget.show = _show_then_exit

if sys.argv[1] == "bare":
    app = QApplication(sys.argv[:1])
    label = QLabel("VIP Desk")
    label.show()
    app.exec()
else:
    sys.path.insert(0, os.getcwd())
    import main

    main.main(["--db", sys.argv[2]])
os._exit(1)  # never shown: the bench reads a non-zero exit as a failure
