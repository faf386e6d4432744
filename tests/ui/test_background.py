"""ui/background.py: work off the GUI thread, results and errors back on it, cancellation."""

import threading

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from app.errors import Cancelled, ValidationError
from ui.background import run_in_background


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_arrives_on_the_gui_thread(qtbot, parent):
    seen = {}

    def work(_progress):
        seen["worker"] = threading.current_thread()
        return 42

    def done(value):
        seen["value"], seen["gui"] = value, threading.current_thread()

    button = QPushButton(parent)
    with qtbot.waitSignal(run_in_background(parent, work, on_success=done, busy=[button]).finished):
        assert not button.isEnabled()
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["gui"] is threading.main_thread()
    assert button.isEnabled()


def test_an_error_goes_to_on_failure(qtbot, parent):
    errors = []

    def work(_progress):
        raise ValidationError("is required", field="Full name")

    task = run_in_background(parent, work, on_success=lambda _v: pytest.fail("no result"),
                             on_failure=errors.append)
    with qtbot.waitSignal(task.failed):
        pass
    assert isinstance(errors[0], ValidationError)


def test_cancel_stops_cooperative_work(qtbot, parent):
    started, release = threading.Event(), threading.Event()
    outcome = []

    def work(progress):
        started.set()
        release.wait(5)
        if progress(1) is False:
            raise Cancelled()
        return "finished"

    task = run_in_background(parent, work, on_success=outcome.append,
                             on_cancel=lambda: outcome.append("cancelled"),
                             label="Working", cancellable=True)
    assert started.wait(5)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled):
        pass
    assert outcome == ["cancelled"]
    assert task.dialog is None


def test_progress_check_raises_cancelled(qtbot, parent):
    def work(progress):
        progress.cancel()
        progress.check()

    task = run_in_background(parent, work)
    with qtbot.waitSignal(task.cancelled):
        pass
