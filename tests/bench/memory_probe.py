"""Started as a child process by the memory bench; prints its resident memory in MiB.

``bare``: a bare QApplication showing one widget (the floor).
``customers URL``: VIP Desk's main window, signed in as BJ0101's branch manager, with the
customer list scrolled to the very end (every lazy page fetched, as a clerk dragging the
scroll bar to the bottom would).
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "bare":
        label = QLabel("VIP Desk")
        label.show()
        app.processEvents()
        print(f"{resident_mib():.1f} 0")
        return
    sys.path.insert(0, os.getcwd())
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.opening import open_store
    from ui.background import wait_for_background
    from ui.dialogs import Dialogs
    from ui.language import Language
    from ui.resources import load_style, register_fonts
    from ui.shell.window import MainWindow

    register_fonts(app)
    load_style(app)
    language = Language(app, "zh_CN")
    store = open_store(sys.argv[2])
    window = MainWindow(sign_in(store, "manager", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    window.resize(1366, 768)
    window.show()
    page = window.open_page("customers")
    wait_for_background()
    app.processEvents()
    model, table = page.model, page.table
    while model.canFetchMore():
        model.fetchMore()
    table.scrollToBottom()
    app.processEvents()
    table.viewport().repaint()
    print(f"{resident_mib():.1f} {model.rowCount()}")


main()
sys.stdout.flush()
os._exit(0)  # skip interpreter teardown: PySide6 6.12 can abort while collecting Qt wrappers
