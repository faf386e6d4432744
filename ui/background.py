"""Run a service call off the GUI thread and get its result (or error) back on the GUI thread.

Modelled on Anki's ``QueryOp``: the work is a plain callable that receives a :class:`Progress`;
it runs on a ``QThreadPool`` worker; ``on_success``/``on_failure``/``on_cancel`` run later on
the GUI thread. With a ``label`` a window-modal ``QProgressDialog`` appears after a short
moment (quick work never flashes one); with ``cancellable`` its Cancel button asks the work to
stop: ``progress(n)`` then returns False and ``progress.check()`` raises
:class:`app.errors.Cancelled`, which is reported as a cancellation, not as an error.

Services open their own database sessions, so calling one from the worker is safe (a SQLite
connection is never shared between threads). The work must not touch widgets.

    run_in_background(self, lambda progress: export_audit(store, actor, path, progress=progress),
                      on_success=self._exported, on_failure=self.show_error,
                      label=self.tr("Exporting…"), cancellable=True)
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import Cancelled

PROGRESS_DELAY_MS = 400


class Progress:
    """Handed to the work: report how far it got, and learn whether the user cancelled."""

    def __init__(self, report: Callable[[int, int], None]):
        self._report = report
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def __call__(self, done: int, total: int = 0) -> bool:
        """Report ``done`` of ``total`` (0: unknown); returns False once cancelled.

        The signature fits the ``progress`` callbacks of app services (``verify_chain``).
        """
        self._report(int(done), int(total))
        return not self.cancelled

    def check(self) -> None:
        """Raise :class:`Cancelled` when the user asked to stop."""
        if self.cancelled:
            raise Cancelled()


class _Signals(QObject):
    done = Signal(object)
    error = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._progress, self._signals = work, progress, signals

    def run(self) -> None:  # worker thread
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # every failure goes back to the GUI thread
            self._signals.error.emit(exc)
        else:
            self._signals.done.emit(result)


class Task(QObject):
    """One piece of background work; signals fire on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    _running: set[Task] = set()  # keeps the Python side alive until the work is back

    def __init__(self, parent: QWidget, work: Callable[[Progress], Any], *,
                 on_success: Callable[[Any], None] | None, on_failure: Callable[[BaseException], None] | None,
                 on_cancel: Callable[[], None] | None, label: str | None, cancellable: bool,
                 busy: Iterable[QWidget]):
        # imported here: PySide6 builds the whole Qt namespace on first use (about 17 ms), and the
        # login window shows before the first task starts (start-up budget)
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self._work = work
        self._on_success, self._on_failure, self._on_cancel = on_success, on_failure, on_cancel
        self._busy = [w for w in busy if w.isEnabled()]
        self._signals = _Signals()
        self._signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._signals.error.connect(self._error, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.progress = Progress(self._signals.progressed.emit)
        self.running = False
        self.dialog: QProgressDialog | None = None
        if label is not None:
            cancel_text = QCoreApplication.translate("Task", "Cancel") if cancellable else None
            dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
            dialog.setWindowTitle(QCoreApplication.translate("Task", "Please wait"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(PROGRESS_DELAY_MS)
            dialog.setAutoReset(False)
            dialog.setAutoClose(False)
            if cancellable:
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            self.dialog = dialog

    def start(self) -> Task:
        self.running = True
        Task._running.add(self)
        for widget in self._busy:
            widget.setEnabled(False)
        QThreadPool.globalInstance().start(_Runnable(self._work, self.progress, self._signals))
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it decides where (``progress`` returns False from now on)."""
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Task", "Stopping…"))

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.dialog is None or not self.running:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    @Slot(object)
    def _done(self, result: object) -> None:
        self._finish()
        try:
            if self._on_success is not None:
                self._on_success(result)
            self.succeeded.emit(result)
        finally:
            self.finished.emit()

    @Slot(object)
    def _error(self, error: BaseException) -> None:
        self._finish()
        try:
            if isinstance(error, Cancelled):
                self._cancelled()
                return
            if self._on_failure is not None:
                self._on_failure(error)
            self.failed.emit(error)
            if self._on_failure is None:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self.finished.emit()

    def _cancelled(self) -> None:
        if self._on_cancel is not None:
            self._on_cancel()
        self.cancelled.emit()

    def _finish(self) -> None:
        self.running = False
        Task._running.discard(self)
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        for widget in self._busy:
            try:
                widget.setEnabled(True)
            except RuntimeError:  # the widget was closed meanwhile
                pass


def run_in_background(parent: QWidget, work: Callable[[Progress], Any], *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None,
                      on_cancel: Callable[[], None] | None = None,
                      label: str | None = None, cancellable: bool = False,
                      busy: Iterable[QWidget] = ()) -> Task:
    """Run ``work(progress)`` on a worker thread; callbacks run on the GUI thread.

    ``busy`` widgets are disabled while the work runs. ``label``: show a progress dialog (after
    a short delay) with that text; ``cancellable``: with a Cancel button. Without
    ``on_failure`` an error goes to ``sys.excepthook`` (it is a bug, not a user error).
    Returns the started :class:`Task`.
    """
    return Task(parent, work, on_success=on_success, on_failure=on_failure, on_cancel=on_cancel,
                label=label, cancellable=cancellable, busy=busy).start()


def busy() -> bool:
    """Whether some background work is under way: started, its callbacks not yet run (tests
    and the screenshot tool wait on this condition after a click). A task whose window was
    closed meanwhile never reports back (Qt deleted it with its parent): it no longer counts,
    and is let go."""
    from shiboken6 import isValid

    for task in [t for t in Task._running if not isValid(t)]:
        Task._running.discard(task)
    return any(task.running for task in Task._running)


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until every queued piece of work is done (for tests and for quitting)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
