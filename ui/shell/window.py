"""The main window: left navigation over the pages the person may use, status bar, idle lock.

This is the one wiring point: it builds pages from :data:`ui.shell.pages.PAGES` when first
opened and connects their signals; pages never reach into each other or into the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QProgressDialog,
    QStackedWidget, QVBoxLayout, QWidget,
)

from app.auth.policy import load_policy
from app.auth.gate import SignedIn
from ui.dialogs import Dialogs
from ui.language import LANGUAGE_NAMES, Language
from ui.shell.goto import GotoMenu
from ui.shell.idle import IdleWatcher, minutes_to_ms
from ui.shell.lock import LockScreen
from ui.page import Page, PageContext
from ui.shell.pages import PAGES, PageSpec, pages_for
from ui.tables import fit_tables
from ui.visit.arrivals import ArrivalNotices
from ui.widgets import styled_label

DEFAULT_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(1024, 640)


class MainWindow(QMainWindow):
    signedOut = Signal(str)   # why the session ended ("" when the person signed out)

    def __init__(self, session: SignedIn, *, dialogs: Dialogs, language: Language,
                 pages: tuple[PageSpec, ...] = PAGES, idle_timeout_ms: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = PageContext(session, dialogs)
        self.context.changes.changed.connect(self._store_changed)
        self.language = language
        self.specs = pages_for(session.actor.permissions, pages)
        self._pages: dict[str, Page] = {}
        self._signing_out = False
        self.resize(DEFAULT_SIZE)
        self.setMinimumSize(MINIMUM_SIZE)

        # navigation + page area
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        for spec in self.specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
        self.page_title = styled_label("title", self)
        self.page_title.setObjectName("pageTitle")
        self.stack = QStackedWidget(self)
        page_area = QWidget(self)
        page_layout = QVBoxLayout(page_area)
        page_layout.setContentsMargins(20, 14, 20, 12)
        page_layout.setSpacing(8)
        page_layout.addWidget(self.page_title)
        self.arrivals = ArrivalNotices(self.context, page_area)  # a VIP's arrival told to their manager
        page_layout.addWidget(self.arrivals)
        page_layout.addWidget(self.stack, 1)
        self.content = QWidget(self)
        content_layout = QHBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(self.navigation)
        content_layout.addWidget(page_area, 1)

        self.lock_screen = LockScreen(self)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.content)
        self.central.addWidget(self.lock_screen)
        self.setCentralWidget(self.central)

        self._build_menus()
        self._build_status_bar()

        self.idle = IdleWatcher(idle_timeout_ms or minutes_to_ms(self._policy().idle_lock_minutes), self)
        self._idle_from_policy = idle_timeout_ms is None
        self.idle.idle.connect(self.lock)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.sessionEnded.connect(self.end_session)
        self.lock_screen.signOutRequested.connect(self.sign_out)
        self.navigation.currentRowChanged.connect(self._row_changed)
        language.changed.connect(self._language_changed)

        self.retranslateUi()
        if self.specs:
            self.navigation.setCurrentRow(0)
            self._focus_first_page()
        self.idle.start()

    # -- building ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.session_menu = bar.addMenu("")
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.sign_out_action.triggered.connect(lambda: self.sign_out())
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.session_menu.addAction(self.lock_action)
        self.session_menu.addAction(self.sign_out_action)
        self.session_menu.addSeparator()
        self.session_menu.addAction(self.quit_action)
        for action in (self.lock_action, self.sign_out_action, self.quit_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self.language.current)
            action.triggered.connect(lambda _checked=False, c=code: self.language.set(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.goto_menu = GotoMenu(self, self.specs, self.navigation, self.go_to_row)
        bar.addMenu(self.goto_menu)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.branch_label = QLabel(self)
        self.branch_label.setObjectName("statusBranch")
        self.store_label = QLabel(self)
        self.store_label.setObjectName("statusStore")
        self.language_label = QLabel(self)
        self.language_label.setObjectName("statusLanguage")
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.user_label)
        bar.addWidget(self.branch_label)
        bar.addPermanentWidget(self.store_label)
        bar.addPermanentWidget(self.language_label)

    # -- pages ------------------------------------------------------------------------------
    @property
    def session(self) -> SignedIn:
        return self.context.session

    def page_keys(self) -> list[str]:
        """The keys of the pages in the navigation, in order."""
        return [spec.key for spec in self.specs]

    def page(self, key: str) -> Page | None:
        """The page ``key`` if it has been opened."""
        return self._pages.get(key)

    def open_page(self, key: str) -> Page:
        """Show page ``key`` (building it the first time); KeyError if not permitted."""
        row = self.page_keys().index(key) if key in self.page_keys() else -1
        if row < 0:
            raise KeyError(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        else:
            self._show(self.specs[row])
        return self._pages[key]

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self._show(self.specs[row])

    def _show(self, spec: PageSpec) -> None:
        page = self._pages.get(spec.key)
        if page is None:
            page = spec.page_class()(self.context, self)
            page.setObjectName(f"page_{spec.key}")
            page.sessionEnded.connect(self.end_session)
            page.actorChanged.connect(self._actor_changed)
            self._pages[spec.key] = page
            self.stack.addWidget(page)
            fit_tables(page)
        self.stack.setCurrentWidget(page)
        self.page_title.setText(spec.translated_title())
        page.activate()

    def go_to_row(self, row: int) -> None:
        """The Go menu's page (Ctrl+1…9): shown, and the keyboard in its own place."""
        self.navigation.setCurrentRow(row)
        self._focus_first_page()

    def _focus_first_page(self) -> None:
        """After sign-in, and on a page's key, the keyboard starts in the page's own place (its
        search box), so a clerk can type at once; a change by the navigation list leaves focus
        in the list."""
        page = self.current_page()
        target = page.focus_widget() or _first_focusable(page) if page is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_counts(self) -> None:
        """Navigation titles, with the count of a page that has one (an inbox) beside it."""
        for row, spec in enumerate(self.specs):
            count = spec.count(self.session.store, self.session.actor)
            title = spec.translated_title()
            self.navigation.item(row).setText(f"{title} ({count})" if count else title)

    def _store_changed(self, tables: frozenset[str], _origin) -> None:
        """A command changed ``tables`` (the pages heard it on the change bus themselves):
        the inbox counts, and the idle lock when the sign-in policy was saved."""
        self.show_counts()
        if "setting" in tables and self._idle_from_policy:  # where the sign-in policy is kept
            self.idle.set_timeout_ms(minutes_to_ms(self._policy().idle_lock_minutes))

    def _actor_changed(self, actor) -> None:
        self.context.session = SignedIn(self.context.session.store, actor)
        self.retranslateUi()

    def _policy(self):
        with self.session.store.read() as db:
            return load_policy(db)

    # -- lock and session -------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.central.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide the work behind the lock screen (idle time ran out, or Ctrl+L)."""
        if self.locked or self._signing_out:
            return
        self.idle.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible() and not isinstance(dialog, QProgressDialog):
                dialog.reject()
        self.menuBar().setEnabled(False)
        self.lock_action.setEnabled(False)
        self.goto_menu.set_keys_enabled(False)
        self.lock_screen.lock(self.session)
        self.central.setCurrentWidget(self.lock_screen)
        self.lock_screen.password.setFocus()

    def _unlocked(self, session: SignedIn) -> None:
        self.context.session = SignedIn(self.session.store, session.actor)
        self.central.setCurrentWidget(self.content)
        self.menuBar().setEnabled(True)
        self.lock_action.setEnabled(True)
        self.goto_menu.set_keys_enabled(True)
        self.retranslateUi()
        self.idle.start()

    def end_session(self, message: str) -> None:
        """The session may not go on (locked out, account disabled): back to the login window."""
        self.sign_out(message)

    def sign_out(self, message: str = "") -> None:
        if self._signing_out:
            return
        self._signing_out = True
        self.idle.stop()
        self.signedOut.emit(message)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.idle.stop()
        super().closeEvent(event)

    # -- language ---------------------------------------------------------------------------
    def _language_changed(self, code: str) -> None:
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        actor = self.session.actor
        self.setWindowTitle(self.tr("VIP Desk — {branch}").format(branch=actor.branch_name))
        self.show_counts()
        row = self.navigation.currentRow()
        if 0 <= row < len(self.specs):
            self.page_title.setText(self.specs[row].translated_title())
        self.session_menu.setTitle(self.tr("&Session"))
        self.lock_action.setText(self.tr("&Lock screen"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("L&anguage"))
        self.goto_menu.retranslate()
        self.user_label.setText(self.tr("User: {name} ({user})").format(
            name=actor.display_name, user=actor.username))
        self.branch_label.setText(self.tr("Branch: {code} {name}").format(
            code=actor.branch_code, name=actor.branch_name))
        self.store_label.setText(self.tr("Store: {store}").format(store=self.session.store.describe()))
        self.language_label.setText(self.tr("Language: {language}").format(
            language=LANGUAGE_NAMES.get(self.language.current, self.language.current)))


def _first_focusable(page: QWidget) -> QWidget | None:
    """The first control of ``page`` that Tab would reach (a page without a search box)."""
    child = page.nextInFocusChain()
    while child is not page and child is not None:
        if page.isAncestorOf(child) and child.isVisibleTo(page) and child.isEnabled() \
                and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
        child = child.nextInFocusChain()
    return None
