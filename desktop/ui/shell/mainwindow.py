"""The main window: docks, menus, toolbars and the wiring between them. No SQL, no text logic,
no edit rules: edits are operations of ``desktop.ops`` run through the session, and every view
follows the session's ``changed`` signal. Panels and controllers get a ``WindowApi``, never
this class; only ``app.py`` builds it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QWidget,
)

from desktop import paths, settings
from desktop.ui import qtvalues as qv
from desktop.ui.qtvalues import Qt
from desktop.ui.widgets.bidi import isolate
from desktop.ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
    from PySide6.QtWidgets import QTabBar

    from desktop.ui.figures.network_dock import NetworkController, NetworkDock
    from desktop.ui.figures.timeline_dock import TimelineDock
    from desktop.ui.reader.findbar import FindBar
    from desktop.ui.shell.about import AboutDialog
    from desktop.ui.shell.backups import BackupsDialog
    from desktop.ui.shell.guide import GuideBar
from desktop.core.errors import HamishError
from desktop.core.gcpause import hold
from desktop.core.models import ChangeSet
from desktop.ops.anchors import open_article
from desktop.settings import Settings
from desktop.store.db import PROJECT_SUFFIX
from desktop.store.project import Project
from desktop.ui.annotations.panel import AnnotationModel, AnnotationPanel
from desktop.ui.commands.session import ProjectSession
from desktop.ui.library.dock import LibraryDock, LibraryModel
from desktop.ui.reader.fonts import reader_font
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.tagging import TaggingController
from desktop.ui.shell.actions import EDITING, ActionId, ActionRegistry
from desktop.ui.shell.api import Navigation, WindowApi
from desktop.ui.shell.messages import Messenger
from desktop.ui.shell.recent import RecentProjects
from desktop.ui.shell.saved import SavedMark
from desktop.ui.shell.theme import (
    DARK,
    DARK_ICON_COLOR,
    LIGHT,
    SYSTEM,
    ThemeController,
    applied_dark,
)
from desktop.ui.widgets.icons import follow_theme, icon
from desktop.ui.widgets.toolbars import OverflowToolBar

LAST_DOCUMENT = "last_document"
READING_POSITIONS = "reading_positions"
"""Per project: where each article was left, as "id:code point" pairs, the latest last."""
KEPT_POSITIONS = 200
"""The most articles whose reading position a project keeps (the ones read last)."""
DOCK_MIN_WIDTH = 200
"""The narrowest a side panel goes: when the window is too narrow for the article otherwise."""
DOCK_WIDTH = 240
TAB_LEAST_LETTERS = 5
"""The fewest letters of a panel's name its tab shows (then an ellipsis) before the tab bar
scrolls: «قائمة…», «التعل…», "Annot…", "Revie…"."""
DOCK_MAX_WIDTH = 340
DOCK_SHARE = 0.225
"""Each side panel's share of the window width in the first layout (DOCK_WIDTH–DOCK_MAX_WIDTH
px): both together leave the article over half the width from 1024 px up."""
DOCK_SEPARATORS = 8
"""px: the two splitters between the side panels and the article, as Fusion draws them."""
READER_SHARE = 0.5
"""The article's least share of the window width when the window is made narrower (or opens
narrower than its saved layout): the side panels give up their width first."""
BOTTOM_SHARE = 0.3
"""The most of the window height a panel under the article (the Claims table) takes when it
opens or the window shrinks; the analyst may still drag it taller."""
BOTTOM_LEAST = 300
"""…but a figure under the article (network, timeline) at least this many px, never more than
half the window: on a 1024×640 laptop 0.3 of the height left the docked timeline a plot of
45 px under its filters and legend (a trial). The Claims table keeps BOTTOM_SHARE: taller, it
left the article one line."""


def bottom_height(window_height: int) -> int:
    """The height a panel under the article opens at, or is cut to, in a window this tall."""
    return max(int(window_height * BOTTOM_SHARE), min(BOTTOM_LEAST, window_height // 2))


READER_HEIGHT_SHARE = 0.4
"""The article's least share of the window height under a restored layout: panels left open
under it in the last session give way (as the side panels do to READER_SHARE). Panels stay
open across restarts, and at 1024×640 they left the article some 220 px (a trial); a figure
the analyst opens now still takes ``bottom_height``. Not 0.45: there the menu, tool, label and
status bars take 148 px, and a tab group of panels under the article at BOTTOM_SHARE with its
tab bar leaves the article 0.42 of the window."""


GUIDE_MIN_READER = 420
"""The first-run guide shows only while the reading pane is at least this tall (px): on a
short window, or with the Claims table open under the article, the article comes first."""
BOTTOM_MIN_WIDTH = 560
"""The least width (px) of a panel under the article beside another one: the Claims table,
the Entity Network and the Claim Timeline side by side are tabbed together instead when the
window cannot give each this much (at 1024 px three of them left the network's controls
under the table's and made the window wider than the screen)."""
LAYOUT_VERSION = 3
"""Version of the saved dock layout. Bump it when docks are added or renamed: a layout saved
without a dock would otherwise leave that dock wherever Qt puts unknown ones (stacked under
the others rather than tabbed), so an older layout is dropped for the default one."""
RESUME_COLLECTOR_MS = 1000
"""The longest the cycle collector waits after an open for the reader's paint (hidden, or no
paint came)."""


class MainWindow(QMainWindow):
    """Owns no data: the project, settings and messenger are passed in by ``app.py``."""

    def __init__(
        self,
        project: Project,
        prefs: Settings,
        messenger: Messenger,
        open_project: type[Project] | None = None,
        parent: QWidget | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        """Build the window. With ``deferred`` only what the first paint needs is built (the
        reader, library, annotations, menus); ``finish_setup`` adds the registry, claim
        workbench, search, imports, exports and suggestions once the event loop runs, so the
        window appears sooner. Tests and screenshots build everything at once."""
        super().__init__(parent)
        self.setObjectName("main_window")
        self._docks: list[QDockWidget] = []
        self.prefs = prefs
        self.messenger = messenger
        self._project_factory = open_project or Project
        self.registry = ActionRegistry(self, defer_icons=deferred, defer_shortcuts=deferred)
        self.api = WindowApi(
            self,
            self.statusBar(),
            messenger,
            self.registry,
            prefs,
            Navigation(
                # late-bound: the window's own methods as they are when called
                lambda doc: self.open_document(doc),
                lambda doc, start, end: self.open_at(doc, start, end),
                self._current_document,
                lambda first, second: self.open_both(first, second),
            ),
        )
        self.undo_group = QUndoGroup(self)
        # Run once the dock layout has followed a resize (or a restored layout): see
        # keep_reader_room.
        self._room_timer = QTimer(self)
        self._room_timer.setSingleShot(True)
        self._room_timer.setInterval(0)
        self._room_timer.timeout.connect(self.keep_reader_room)
        self._restored = False  # a layout just restored: see keep_reader_room
        self.setDockNestingEnabled(True)
        self.setDocumentMode(True)
        self._default_size()

        self.reader = ReaderPane(self)
        self.setCentralWidget(self.reader)
        self._find_bar: FindBar | None = None  # built after the first paint (hidden till Ctrl+F)
        self.library = LibraryDock(self)
        self._docks.append(self.library)  # docked by _dock_sides below
        self.library.setMinimumWidth(DOCK_MIN_WIDTH)
        self.library.document_activated.connect(self.open_document)
        self.library.sort_changed.connect(self._remember_sort)

        self.session: ProjectSession | None = None
        self._data_version = 0  # the project's data_version when last read here
        self._positions: dict[int, int] = {}  # reading positions of this project's articles
        # The first-run guide waits while the analyst's name is asked (ask_name_first).
        self._guide_held = False
        self.annotation_model = AnnotationModel(
            lambda doc_id: self.project.annotations.for_document(doc_id),
            # the session's read of the ChangeSet's annotations, shared with the reader
            lambda ids: self.session.annotations(ids) if self.session else [],
            lambda label_id: self.session.label(label_id) if self.session else None,
            lambda entity_id: self.project.annotations.entity_name(entity_id),
            self,
        )
        self.annotations = AnnotationPanel(self.annotation_model, self)
        self._docks.append(self.annotations)
        self.annotations.setMinimumWidth(DOCK_MIN_WIDTH)
        self._dock_sides()
        self.tagging = TaggingController(
            self.api, self.reader, self.annotations, self.annotation_model
        )
        self.tagging.extra_menu_actions = [self.registry[ActionId.FIND]]
        self.tagging.label_keys = not deferred  # finish_setup gives them (_load_shortcuts)

        self._ready = False
        self._closed = False
        self._build_menus()
        self._build_toolbars()
        self.status_project = QLabel(self)
        self.status_project.setObjectName("status_project")
        self.statusBar().addPermanentWidget(self.status_project)
        self.status_saved = SavedMark(self.api, parent=self)
        self.statusBar().addPermanentWidget(self.status_saved)
        self.guide: GuideBar | None = None
        self._guide_wanted = False
        self.read_only_bar: QWidget | None = None  # shown while a read-only project is open
        self.auto_backup = False  # app.py turns the daily backup on once the window is up
        self.backups_dialog: BackupsDialog | None = None  # File → Backups while it is open
        # View → Entity Network: built the first time it is shown (issue 16).
        self.network_dock: NetworkDock | None = None
        self.timeline_dock: TimelineDock | None = None
        self.network: NetworkController | None = None
        self._connect_actions()

        self.reader.line_height = prefs.get(settings.READER_LINE_HEIGHT)
        self.reader.set_font(
            reader_font(
                prefs.get(settings.READER_FONT_FAMILY), prefs.get(settings.READER_FONT_SIZE)
            ),
            zoom=prefs.get(settings.READER_ZOOM),
        )
        snap = self.registry[ActionId.SNAP_TO_WORDS]
        snap.setCheckable(True)
        snap.setChecked(prefs.get(settings.SNAP_TO_WORDS))
        self.reader.text.snap_enabled = snap.isChecked()
        # After the reader's fonts: a stylesheet changed before them would leave Qt's defaults.
        self.theme = ThemeController(
            prefs,
            {
                SYSTEM: self.registry[ActionId.THEME_SYSTEM],
                LIGHT: self.registry[ActionId.THEME_LIGHT],
                DARK: self.registry[ActionId.THEME_DARK],
            },
            self._theme_changed,
            self,
        )
        self._restore_layout()
        self.project = project
        self._attach(project)
        if not deferred:
            self.finish_setup()

    def finish_setup(self) -> None:
        """The second half of construction (see ``__init__``); runs once."""
        if self._ready or self._closed:
            return
        # Loaded here, not at start-up: together these modules cost a third of launch time.
        from desktop.ui.claims.controller import ClaimsController
        from desktop.ui.claims.editor import ClaimEditor
        from desktop.ui.claims.table import ClaimsTable
        from desktop.ui.entities.controller import EntitiesController
        from desktop.ui.entities.panel import EntitiesPanel
        from desktop.ui.entities.parts import NamePartsBar, NamePartsController
        from desktop.ui.library.articles import ArticleActions
        from desktop.ui.library.metadata import MetadataEditor
        from desktop.ui.reader.learning import ModelTrainer
        from desktop.ui.reader.suggestions import SuggestionController
        from desktop.ui.review.controller import ReviewController
        from desktop.ui.review.dock import ReviewDock
        from desktop.ui.search.panel import SearchPanel, wire_search_panel
        from desktop.ui.transfer.exchange import ExchangeImportController
        from desktop.ui.transfer.exports import ExportController
        from desktop.ui.transfer.importing import ImportController

        api = self.api
        self.library.window_painted()
        self._load_shortcuts()
        self.registry.load_icons()
        self._fill_language_menu()
        self.find_bar.reset()  # built now, above the guide
        # The first-run guide comes a frame after the article: its wrapped rich text is
        # a twentieth of what the window does before its first paint.
        self._ready = True
        self.show_guide()
        self._ready = False
        # The daily backup's thread, once the window is up: started before the first paint
        # it took the CPU (and Python's lock) from it on a two-core machine.
        if self.auto_backup:
            self._back_up_if_due()
        self.entities = EntitiesPanel(
            lambda type_, name: self.project.entities.summaries(type_=type_, name=name), self
        )
        self.addDockWidget(self._start_area(), self.entities)
        self.tabifyDockWidget(self.library, self.entities)
        self.library.raise_()
        self.claim_editor = ClaimEditor(self)
        self.addDockWidget(self._end_area(), self.claim_editor)
        self.tabifyDockWidget(self.annotations, self.claim_editor)
        self.annotations.raise_()
        self.claims_table = ClaimsTable(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.claims_table)
        self.claims_table.hide()
        self.claims_table.visibilityChanged.connect(lambda _shown: self._room_timer.start())
        self.search_panel = SearchPanel(self)
        self.addDockWidget(self._end_area(), self.search_panel)
        self.tabifyDockWidget(self.annotations, self.search_panel)
        self.annotations.raise_()
        self.search_panel.hide()
        self.review_dock = ReviewDock(self)
        self.addDockWidget(self._end_area(), self.review_dock)
        self.tabifyDockWidget(self.annotations, self.review_dock)
        self.annotations.raise_()
        self.review_dock.hide()

        self.entity_actions = EntitiesController(api, self.entities, self.tagging)
        # New persons' name parts offered as aliases, in a bar under the article: the text
        # being tagged stays where it is when the bar appears.
        self.name_parts_bar = NamePartsBar(self)
        if self.registry.icon_color is not None:  # built while dark
            self.name_parts_bar.set_icon_color(self.registry.icon_color)
        self.reader.add_bar(self.name_parts_bar, below=True)
        self.name_parts = NamePartsController(api, self.name_parts_bar, self.reader.text)
        self.claim_actions = ClaimsController(
            api, self.reader, self.tagging, self.claim_editor, self.claims_table
        )
        self.suggestions = SuggestionController(api, self.reader)
        self.trainer = ModelTrainer(api)  # learns from the tags in the background
        self.trainer.trained.connect(self.suggestions.schedule)
        self.review = ReviewController(
            api, self.review_dock, dark=lambda: self.reader.text.highlighter.dark
        )
        self.review.threshold_changed.connect(self.suggestions.set_threshold)
        self.trainer.trained.connect(self.review.engine.invalidate)
        self.tagging.extra_tooltip = self.suggestions.tooltip
        self.tagging.suggestion_menu = self.suggestions.fill_menu
        self.tagging.claim_over = self.suggestions.claim_over
        self.tagging.reject_suggestion = self.suggestions.reject
        self.entities.mentions_requested.connect(self.find_mentions)
        wire_search_panel(api, self.search_panel, self.reader, self.library)
        self.exports = ExportController(api)
        self.exports.shown_figures = self.figures_shown  # the briefing's figures as shown
        self.importing = ImportController(api)  # import actions, drops, clipboard
        self.exchange_import = ExchangeImportController(api)  # .qdpx, .jsonld
        self.metadata = MetadataEditor(api, self.library, self.reader)
        self.articles = ArticleActions(api, self.library)  # Delete Article
        # Side by side (issue 16): a second reader, in a splitter made on first use.
        from desktop.ui.reader.beside import SideBySide

        self.beside = SideBySide(api, self.reader, self.tagging, self._install_beside)
        self.library.view.addAction(self.registry[ActionId.OPEN_BESIDE])
        self.registry[ActionId.OPEN_BESIDE].triggered.connect(self._open_beside)
        self.beside.caret_moved.connect(self.claim_actions.follow)
        from desktop.ui.figures.window_export import FigureExporter

        self.figure_export = FigureExporter(api)  # File → Export → Figure…
        self.figure_export.shown_figures = self.figures_shown
        self._add_secondary_menus()
        self._connect_secondary_actions()
        self._add_timeline_action()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._look_for_outside_changes)
        self._ready = True
        for dock in self._docks:  # a tab bar Qt makes when panels are tabbed later, fitted
            self._watch_tabs(dock)
        self._restore_layout(geometry=False)  # the docks made just now, where they were left
        self._apply_read_only()  # the claim editor made just now
        self._restored = True  # the next keep_reader_room gives the article its height
        self._room_timer.start()
        self.suggestions.schedule()
        self._keep_window_keys()

    def _load_shortcuts(self) -> None:
        """Every key of the window, set just after the first paint (``finish_setup``): the
        first key sequence Python makes builds QKeySequence's Python class (5.5 M
        instructions), and setting the keys parses each (3 M more), for a paint that shows
        no menu and no tooltip. The analyst's first key press comes later still."""
        from PySide6.QtGui import QKeySequence

        self.registry.load_shortcuts()
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.tagging.load_label_keys()

    def _keep_window_keys(self) -> None:
        """The window's Ctrl keys (Ctrl+E briefing, Ctrl+I import, Ctrl+L filter…) work with
        the cursor in any of its line edits, which on Linux keep Ctrl+E and a few others for
        themselves (see ui/widgets/keys.py)."""
        from PySide6.QtGui import QKeySequence

        from desktop.ui.widgets.keys import keep_window_keys

        keys = [
            sequence
            for action in self.registry.all()
            if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
            for sequence in action.shortcuts()
            if sequence.count() == 1
            and sequence.toString(QKeySequence.SequenceFormat.PortableText).startswith("Ctrl+")
        ]
        keep_window_keys(self, keys)

    # --- construction ----------------------------------------------------------------------
    def _start_area(self) -> Qt.DockWidgetArea:
        """Where reading starts: the left in English, the right in Arabic. Qt mirrors menus,
        toolbars and layouts under RightToLeft but not the dock areas, so the library (and
        the registry tabbed with it) is placed on the reading side here."""
        if self.isRightToLeft():
            return Qt.DockWidgetArea.RightDockWidgetArea
        return Qt.DockWidgetArea.LeftDockWidgetArea

    def _end_area(self) -> Qt.DockWidgetArea:
        """The other side: annotations, claim editor and search."""
        if self.isRightToLeft():
            return Qt.DockWidgetArea.LeftDockWidgetArea
        return Qt.DockWidgetArea.RightDockWidgetArea

    def _layout_version(self) -> int:
        """The saved layout's version, apart for each direction: a layout saved in English
        (library on the left) is not restored as it is in Arabic, but mirrored
        (``_restore_mirrored``)."""
        return LAYOUT_VERSION + (1000 if self.isRightToLeft() else 0)

    def _build_menus(self) -> None:
        a = self.registry
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([a[ActionId.NEW_PROJECT], a[ActionId.OPEN_PROJECT]])
        self.recent_menu = file_menu.addMenu(self.tr("Recent &Projects"))
        self.recent_menu.setObjectName("recent_projects_menu")
        self.recent_menu.addAction(a[ActionId.CLEAR_RECENT])
        self.recent = RecentProjects(
            self.prefs,
            self.recent_menu,
            a[ActionId.CLEAR_RECENT],
            lambda path: self.switch_project(path, create=False),
        )
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.IMPORT_FILES])
        file_menu.addActions([a[ActionId.IMPORT_FOLDER], a[ActionId.NEW_FROM_CLIPBOARD]])
        import_menu = file_menu.addMenu(self.tr("&Import Annotations"))
        import_menu.addActions([a[ActionId.IMPORT_XMI], a[ActionId.IMPORT_BRAT]])
        file_menu.addAction(a[ActionId.IMPORT_EXCHANGE])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.EXPORT_BRIEFING])
        export_menu = file_menu.addMenu(self.tr("E&xport"))
        export_menu.addActions([a[ActionId.EXPORT_ANNOTATIONS_CSV], a[ActionId.EXPORT_CLAIMS_CSV]])
        export_menu.addAction(a[ActionId.EXPORT_JSON])
        export_menu.addAction(a[ActionId.EXPORT_FIGURE])  # issue 16
        export_menu.addActions([a[ActionId.EXPORT_XMI], a[ActionId.EXPORT_BRAT]])
        export_menu.addAction(a[ActionId.EXPORT_CONLL])
        export_menu.addActions([a[ActionId.EXPORT_QDPX], a[ActionId.EXPORT_W3C]])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.BACKUPS])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.SET_AUTHOR])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        # Undo points back, against the reading direction: mirrored in Arabic.
        rtl = self.isRightToLeft()
        self.undo_action.setIcon(icon("mdi6.redo" if rtl else "mdi6.undo"))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setIcon(icon("mdi6.undo" if rtl else "mdi6.redo"))
        # Named by a whole sentence rather than Qt's "prefix + name": Arabic says
        # "تراجع عن وسم …" (undo *from*), which a prefix alone cannot give.
        self.undo_group.undoTextChanged.connect(self._name_undo)
        self.undo_group.redoTextChanged.connect(self._name_redo)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.FIND])
        edit_menu.addAction(a[ActionId.SEARCH])
        edit_menu.addSeparator()
        for action_id in (
            ActionId.NEXT_ANNOTATION,
            ActionId.PREVIOUS_ANNOTATION,
            ActionId.EDIT_NOTE,
            ActionId.DELETE_ANNOTATION,
        ):
            edit_menu.addAction(a[action_id])
        article_menu = self.menuBar().addMenu(self.tr("&Article"))
        article_menu.addAction(a[ActionId.EDIT_METADATA])
        article_menu.addSeparator()
        article_menu.addAction(a[ActionId.DELETE_ARTICLE])

        self.tag_menu = self.menuBar().addMenu(self.tr("&Tag"))

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions([a[ActionId.ZOOM_IN], a[ActionId.ZOOM_OUT], a[ActionId.ZOOM_RESET]])
        view_menu.addAction(a[ActionId.CHOOSE_FONT])
        view_menu.addActions([a[ActionId.SIDE_BY_SIDE], a[ActionId.SYNC_SCROLL]])  # issue 16
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_menu.setObjectName("theme_menu")
        theme_menu.addActions(
            [a[ActionId.THEME_SYSTEM], a[ActionId.THEME_LIGHT], a[ActionId.THEME_DARK]]
        )
        view_menu.addSeparator()
        view_menu.addAction(a[ActionId.FOCUS_FILTER])
        toggle = self.library.toggleViewAction()
        toggle.setText(self.tr("&Library Panel"))
        view_menu.addAction(toggle)
        toggle = self.annotations.toggleViewAction()
        toggle.setText(self.tr("&Annotations Panel"))
        view_menu.addAction(toggle)
        self.view_menu = view_menu
        self.view_docks_anchor = view_menu.addSeparator()
        # Filled in finish_setup: its radio group is not needed for the first paint.
        self.language_menu = view_menu.addMenu(self.tr("Interface &Language"))
        self.language_menu.setObjectName("language_menu")
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([a[ActionId.GETTING_STARTED], a[ActionId.SHORTCUTS]])
        help_menu.addAction(a[ActionId.SUGGESTION_LEGEND])
        help_menu.addSeparator()
        help_menu.addAction(a[ActionId.ABOUT])

        # Keys that only make sense while reading: they must not fire while typing in the
        # filter or find boxes, so they live on the text widget itself.
        text = self.reader.text
        for action_id in (
            ActionId.NEXT_ANNOTATION,
            ActionId.PREVIOUS_ANNOTATION,
            ActionId.DELETE_ANNOTATION,
            ActionId.ACCEPT_SUGGESTION,
        ):
            action = a[action_id]
            qv.set_property(action, "shortcutContext", qv.WIDGET_SHORTCUT)
            text.addAction(action)

    def _name_undo(self, edit: str) -> None:
        text = self.tr("&Undo {edit}").format(edit=edit) if edit else self.tr("&Undo")
        self.undo_action.setText(text)

    def _name_redo(self, edit: str) -> None:
        text = self.tr("&Redo {edit}").format(edit=edit) if edit else self.tr("&Redo")
        self.redo_action.setText(text)

    def _fill_language_menu(self) -> None:
        """View → Interface Language: العربية / English, saved for the next start (the whole
        interface, its mirroring included, is built in one language)."""
        from PySide6.QtGui import QAction, QActionGroup

        from desktop.ui.i18n import current_language

        menu = self.language_menu
        group = QActionGroup(menu)
        chosen = self.prefs.get(settings.INTERFACE_LANGUAGE) or current_language()
        for code, name in (("ar", "العربية"), ("en", "English")):
            action = QAction(name, menu)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
            menu.addAction(action)
        group.triggered.connect(lambda action: self.set_interface_language(str(action.data())))

    def set_interface_language(self, language: str) -> None:
        """Save the interface language and say it applies at the next start."""
        from desktop.ui.i18n import current_language

        self.prefs.set(settings.INTERFACE_LANGUAGE, language)
        self.prefs.sync()
        if language == current_language():
            return
        # Told in both languages: the analyst may not read the one the window is in.
        if language == "ar":
            text = "ستظهر الواجهة بالعربية عند تشغيل هامش في المرة القادمة."
            english = "The interface will be in Arabic the next time Hamish starts."
        else:
            text = "ستظهر الواجهة بالإنجليزية عند تشغيل هامش في المرة القادمة."
            english = "The interface will be in English the next time Hamish starts."
        # Each line marked with its own direction: the window's (plain text takes it) put the
        # other language's full stop at the wrong end (a trial).
        self.messenger.info(
            self.tr("Interface Language"), f"\u200f{text}\u200f\n\n\u200e{english}\u200e"
        )
        self.statusBar().showMessage(english if current_language() == "en" else text, 10000)

    def _build_toolbars(self) -> None:
        a = self.registry
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("main_toolbar")
        bar.setIconSize(QSize(20, 20))
        qv.set_property(bar, "toolButtonStyle", qv.TOOL_BUTTON_TEXT_BESIDE_ICON)
        bar.setMovable(False)
        bar.addAction(a[ActionId.OPEN_PROJECT])
        bar.addAction(a[ActionId.IMPORT_FILES])
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        for action_id in (ActionId.ZOOM_OUT, ActionId.ZOOM_IN, ActionId.FIND, ActionId.CHOOSE_FONT):
            bar.addAction(a[action_id])
        for action in (
            self.undo_action,
            self.redo_action,
            a[ActionId.ZOOM_OUT],
            a[ActionId.ZOOM_IN],
        ):
            button = bar.widgetForAction(action)
            if button is not None:
                qv.set_property(button, "toolButtonStyle", qv.TOOL_BUTTON_ICON_ONLY)
        self.addToolBar(bar)  # at the top
        self.view_menu.addAction(bar.toggleViewAction())
        self.toolbar = bar

        palette = OverflowToolBar(self.tr("Labels"), self)
        palette.setObjectName("label_toolbar")
        palette.setIconSize(QSize(18, 18))
        qv.set_property(palette, "toolButtonStyle", qv.TOOL_BUTTON_TEXT_BESIDE_ICON)
        self.addToolBarBreak()
        self.addToolBar(palette)  # at the top, below the first
        self.view_menu.addAction(palette.toggleViewAction())
        self.label_bar = palette

    def _connect_actions(self) -> None:
        a = self.registry
        a[ActionId.NEW_PROJECT].triggered.connect(self.choose_new_project)
        a[ActionId.OPEN_PROJECT].triggered.connect(self.choose_project)
        a[ActionId.IMPORT_FILES].triggered.connect(self.choose_import)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.ZOOM_IN].triggered.connect(self.reader.zoom_in)
        a[ActionId.ZOOM_OUT].triggered.connect(self.reader.zoom_out)
        a[ActionId.ZOOM_RESET].triggered.connect(self.reader.zoom_reset)
        a[ActionId.CHOOSE_FONT].triggered.connect(self.choose_font)
        a[ActionId.FOCUS_FILTER].triggered.connect(self._focus_filter)
        a[ActionId.FIND].triggered.connect(self._open_find)
        tagging = self.tagging
        a[ActionId.NEXT_ANNOTATION].triggered.connect(lambda: tagging.step_annotation(+1))
        a[ActionId.PREVIOUS_ANNOTATION].triggered.connect(lambda: tagging.step_annotation(-1))
        a[ActionId.EDIT_NOTE].triggered.connect(lambda: tagging.on_current(tagging.edit_note))
        a[ActionId.DELETE_ANNOTATION].triggered.connect(self.tagging.delete_at_cursor)
        a[ActionId.MANAGE_LABELS].triggered.connect(self.manage_labels)
        a[ActionId.SNAP_TO_WORDS].toggled.connect(self._set_snap)
        a[ActionId.ABOUT].triggered.connect(self.about)
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.GETTING_STARTED].triggered.connect(lambda: self.show_guide(force=True))
        a[ActionId.SET_AUTHOR].triggered.connect(self.edit_author)
        a[ActionId.BACKUPS].triggered.connect(self.show_backups)
        show = a[ActionId.SHOW_SUGGESTIONS]
        show.setCheckable(True)
        show.setChecked(self.prefs.get(settings.SHOW_SUGGESTIONS))
        offer = a[ActionId.OFFER_NAME_PARTS]
        offer.setCheckable(True)
        offer.setChecked(self.prefs.get(settings.OFFER_NAME_PARTS))

    def _add_secondary_menus(self) -> None:
        a = self.registry
        toggles = []
        for dock, title, keys_of in (
            (self.search_panel, self.tr("&Search Panel"), None),
            (self.review_dock, self.tr("Review &Queue"), a[ActionId.SHOW_REVIEW]),
            (self.entities, self.tr("&Entities Panel"), a[ActionId.SHOW_ENTITIES]),
            (self.claim_editor, self.tr("Claim &Editor"), None),
            (self.claims_table, self.tr("&Claims Table"), a[ActionId.SHOW_CLAIMS]),
        ):
            toggle = dock.toggleViewAction()
            toggle.setText(title)
            if keys_of is not None:
                _show_keys_of(toggle, title, keys_of)
            toggles.append(toggle)
        self.claims_table.toggleViewAction().triggered.connect(
            lambda shown: self._fit_bottom(self.claims_table) if shown else None
        )
        self.view_menu.insertActions(self.view_docks_anchor, toggles)
        self.view_menu.insertAction(self.view_docks_anchor, a[ActionId.SHOW_NETWORK])
        # Keyboard ways to bring the registry and the claims table forward.
        self.addActions(
            [a[ActionId.SHOW_ENTITIES], a[ActionId.SHOW_CLAIMS], a[ActionId.SHOW_REVIEW]]
        )

    def _connect_secondary_actions(self) -> None:
        from PySide6.QtGui import QKeySequence  # after the first paint: see _load_shortcuts

        a = self.registry
        a[ActionId.LINK_ENTITY].triggered.connect(self.entity_actions.link_current)
        a[ActionId.FIND_MENTIONS].triggered.connect(lambda: self.find_mentions(None))
        show = a[ActionId.SHOW_SUGGESTIONS]
        self.suggestions.enabled = show.isChecked()
        show.toggled.connect(self._set_suggestions)
        offer = a[ActionId.OFFER_NAME_PARTS]
        self.name_parts.enabled = offer.isChecked()
        offer.toggled.connect(self._set_offer_name_parts)
        review = a[ActionId.REVIEW_NAME_PARTS]
        review.triggered.connect(self.name_parts.review)
        keys = review.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.name_parts_bar.set_review_key(isolate(keys) if keys else "")
        a[ActionId.RETRAIN_AFTER].triggered.connect(self.edit_retrain_after)
        a[ActionId.ACCEPT_SUGGESTION].triggered.connect(self.suggestions.accept)
        a[ActionId.NEXT_SUGGESTION].triggered.connect(self.suggestions.step)
        a[ActionId.SHOW_ENTITIES].triggered.connect(lambda: self._show_dock(self.entities))
        a[ActionId.SHOW_CLAIMS].triggered.connect(self.show_claims_table)
        a[ActionId.SHOW_REVIEW].triggered.connect(self.show_review)
        a[ActionId.SUGGESTION_LEGEND].triggered.connect(self.review.show_legend)
        a[ActionId.SHOW_NETWORK].triggered.connect(self.show_network)

    # --- the claim timeline (issue 16): its dock is built when first asked for -----------------
    def _add_timeline_action(self) -> None:
        action = self.registry[ActionId.SHOW_TIMELINE]
        self.view_menu.insertAction(self.view_docks_anchor, action)
        self.addAction(action)
        action.triggered.connect(self.show_timeline)

    def show_timeline(self) -> None:
        """View → Claim Timeline: the dock is made the first time (under the article)."""
        if self.timeline_dock is None:
            from desktop.ui.figures.timeline_dock import TimelineController, TimelineDock

            dock = TimelineDock(self)
            if applied_dark():
                dock.set_dark(True)  # the figure in the theme's colours (paper is white)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.visibilityChanged.connect(lambda _shown: self._room_timer.start())
            self.timeline_dock = dock
            self.timeline = TimelineController(self.api, dock, self.show_claim)
            self._show_dock(dock)
            # Opened for the first time: a share of the height, not a bottom dock's minimum.
            self.resizeDocks([dock], [bottom_height(self.height())], Qt.Orientation.Vertical)
        self._show_dock(self.timeline_dock)
        self.timeline.refresh_visible()

    def show_claim(self, claim_id: int) -> None:
        """The Claim dock brought forward with ``claim_id`` (opened from the timeline)."""
        try:
            claim = self.project.claims.get(claim_id)
            quote = self.project.annotations.get(claim.annotation_id).quote
        except HamishError:
            return  # deleted meanwhile: the timeline redraws without it
        self.claim_editor.show_claim(claim, quote)
        self._show_dock(self.claim_editor)

    # --- project -----------------------------------------------------------------------------
    def _look_for_outside_changes(self, state: Qt.ApplicationState) -> None:
        """Back in Hamish: when another program — `hamish import` in a terminal, say — wrote
        to the project meanwhile, the views read it again (the library stayed as it was, the
        imported articles missing, until the project was opened again). The undo history
        stays: its steps are refused in words where what they undo has gone."""
        if state != Qt.ApplicationState.ApplicationActive or self.session is None:
            return
        try:
            version = self.project.data_version()
        except Exception:  # a busy or damaged file: the next return here tries again
            return
        if version == self._data_version:
            return
        self._data_version = version
        self.session.announce(ChangeSet(documents_reloaded=True))
        shown = self.reader.document_id
        if shown is not None and not self.project.documents.exists(shown):
            self._open_near(0)  # the open article was deleted elsewhere

    def _attach(self, project: Project) -> None:
        self.project = project
        self._data_version = project.data_version()
        if self.session is not None:
            self.undo_group.removeStack(self.session.undo_stack)
            self.session.deleteLater()
        self.session = ProjectSession(project, self.prefs.author(), self)
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        self.session.changed.connect(self._apply_changes)
        self.session.failed.connect(self.messenger.error)
        self.api.attach(self.session)
        self._rebuild_label_actions()
        # The library as the analyst left it: the model starts in the saved order (a page of
        # title or date read along its index); only the header's arrow is set (sortByColumn
        # would hand the model's Python sort a Qt.SortOrder, see qtvalues).
        model = LibraryModel(
            project.documents,
            self,
            counts_path=str(project.path),
            column=LibraryModel.KEYS.index(self.prefs.get(settings.LIBRARY_SORT_COLUMN)),
            descending=self.prefs.get(settings.LIBRARY_SORT_DESCENDING),
        )
        self.library.set_model(model)
        qv.set_sort_indicator(self.library.view.header(), model.column, model.descending)
        self._update_status()
        self.status_project.setToolTip(str(project.path))
        self.reader.clear()
        self.annotation_model.set_document(None)
        self._positions = read_positions(self.prefs.project_value(project.path, READING_POSITIONS))
        last = self.prefs.project_value(project.path, LAST_DOCUMENT)
        target = int(last) if last not in (None, "") and str(last).isdigit() else None
        if target is None or not project.documents.exists(target):
            target = self.library.first_document()
        if target is not None:
            self.open_document(target)
        self._update_title()
        self.recent.add(project.path)
        if self._ready:  # at start-up, finish_setup shows it just after the first paint
            self.show_guide()
        self._apply_read_only()
        if project.notices:  # once the window shows: a damaged journal, a failed backup
            QTimer.singleShot(0, lambda: self._show_notices(project))
        if self.auto_backup and self._ready:  # at start-up, finish_setup starts it
            self._back_up_if_due()

    def switch_project(self, path: Path, *, create: bool) -> bool:
        """Open another project; on any error the current one stays open and untouched."""
        from desktop.store.db import refuse_if_open_elsewhere

        try:
            refuse_if_open_elsewhere(path)  # another window's edits and these would clash
            project = self._project_factory.open(path, create=create)
        except HamishError as error:
            self.messenger.error(self.tr("Cannot open project"), str(error))
            return False
        self._remember_document()
        self._remember_position()
        self.api.detach()  # background work on the old project stops first
        self.project.close()
        self._attach(project)
        return True

    def choose_project(self) -> None:
        # loaded on use, not at start-up
        from desktop.ui.widgets.files import open_file_name, remember_folder, start_folder

        name = open_file_name(
            self,
            self.tr("Open Project"),
            str(start_folder(self.prefs, settings.FOLDER_PROJECTS, self.project.path.parent)),
            self.tr("Hamish projects (*{suffix});;All files (*)").format(suffix=PROJECT_SUFFIX),
        )
        if name:
            remember_folder(self.prefs, settings.FOLDER_PROJECTS, Path(name).parent)
            self.switch_project(Path(name), create=False)

    def choose_new_project(self) -> None:
        from desktop.ui.widgets.files import remember_folder, save_file_name, start_folder

        folder = start_folder(self.prefs, settings.FOLDER_PROJECTS, self.project.path.parent)
        name = save_file_name(
            self,
            self.tr("New Project"),
            str(folder / f"untitled{PROJECT_SUFFIX}"),
            self.tr("Hamish projects (*{suffix})").format(suffix=PROJECT_SUFFIX),
            confirm_overwrite=False,
        )
        if not name:
            return
        path = Path(name)
        remember_folder(self.prefs, settings.FOLDER_PROJECTS, path.parent)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        if path.exists():
            self.messenger.error(
                self.tr("Cannot create project"),
                self.tr(
                    "{path} already exists. Open it with File → Open Project, "
                    "or choose another name."
                ).format(path=path),
            )
            return
        self.switch_project(path, create=True)

    # --- safety: read-only projects, notices, backups -----------------------------------
    def _apply_read_only(self) -> None:
        """A read-only project (its file, folder or disk cannot be written) is read, searched
        and exported: a banner says so and every editing action is off. The store refuses
        any write that still comes (``ReadOnlyProject``), with the same sentence."""
        read_only = self.project.read_only
        for action_id in EDITING:
            self.registry[action_id].setEnabled(not read_only)
        for action in self.tagging.label_actions:
            action.setEnabled(not read_only)
        if read_only and self.read_only_bar is None:
            from desktop.ui.shell.backups import ReadOnlyBar

            self.read_only_bar = ReadOnlyBar(self)
            self.reader.add_bar(self.read_only_bar)
        if self.read_only_bar is not None:
            self.read_only_bar.setVisible(read_only)
        if self._ready:
            self.claim_editor.set_read_only(read_only)
            self.entities.read_only = read_only

    def _show_notices(self, project: Project) -> None:
        """What opening the project must tell (``Database.notices``), once, in one box."""
        if project is not self.project or self._closed:
            return
        from desktop.ui.errors import error_text

        self.messenger.error(
            self.tr("The project opened with a warning"),
            "\n\n".join(error_text(notice) for notice in project.notices),
        )

    def start_backups(self) -> None:
        """From now on each project opened gets its daily backup (app.py, once the window is
        up: never before the first paint)."""
        self.auto_backup = True
        self._back_up_if_due()

    def _back_up_if_due(self) -> None:
        """The daily backup, in a background thread on its own connection. A failure is a
        warning in the status bar, never in the way."""
        if self.project.read_only or self._closed:
            return
        from desktop.store.db import back_up_if_due
        from desktop.ui.shell.workers import run_task

        path = self.project.path
        run_task(
            lambda _progress: back_up_if_due(path),
            on_done=lambda _made: None,
            on_error=self._backup_failed,
        )

    def _backup_failed(self, message: str, _details: str = "") -> None:
        from desktop.ui.errors import error_text

        if not self._closed:
            self.statusBar().showMessage(
                self.tr("Warning: {problem}").format(problem=error_text(message)), 20000
            )

    def show_backups(self) -> None:
        """File → Backups…: the project's backups; Restore replaces the project with one."""
        from desktop.ui.shell.backups import BackupsDialog

        dialog = BackupsDialog(
            self.project.path,
            self.project.read_only,
            self.restore_backup,
            self.back_up_now,
            self,
        )
        self.backups_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.backups_dialog = None
            dialog.deleteLater()

    def back_up_now(self) -> bool:
        from desktop.store.backups import MANUAL
        from desktop.store.db import back_up

        try:
            made = back_up(self.project.path, MANUAL)
        except HamishError as error:
            self.messenger.error(self.tr("Cannot back up the project"), str(error))
            return False
        self.statusBar().showMessage(
            self.tr("Backed up to {file}.").format(file=isolate(made.name)), 8000
        )
        return True

    def restore_backup(self, backup: Path) -> bool:
        """Replace the open project with ``backup`` after the analyst confirms. The project
        is closed for it and opened again (its undo history goes: the restore is undone by
        restoring the backup it makes of what the project held)."""
        from desktop.store.db import restore_backup

        if self._ready and self.importing.busy:
            self.messenger.error(
                self.tr("Cannot restore the backup"),
                self.tr("An import is still running; restore the backup once it has finished."),
            )
            return False
        if not self.messenger.confirm(
            self.tr("Restore Backup"),
            self.tr(
                "Replace {project} with the backup {backup}? What the project holds now is "
                "backed up first: restore that backup to undo this."
            ).format(project=isolate(self.project.path.name), backup=isolate(backup.name)),
            self.tr("Restore"),
        ):
            return False
        path = self.project.path
        self._remember_document()
        self.api.detach()  # background work on the project stops first
        self.project.close()
        problem: str | None = None
        try:
            saved = restore_backup(path, backup)
        except HamishError as error:
            problem = str(error)
        try:
            project = self._project_factory.open(path, create=False)
        except HamishError as error:
            self.messenger.error(self.tr("Cannot open project"), str(error))
            self.close()  # nothing left to show; the backups are all still there
            return False
        self._attach(project)
        if problem is not None:
            self.messenger.error(self.tr("Cannot restore the backup"), problem)
            return False
        self.statusBar().showMessage(
            self.tr("Restored {backup}. What the project held before is kept as {saved}.").format(
                backup=isolate(backup.name), saved=isolate(saved.name)
            ),
            15000,
        )
        return True

    # --- documents ---------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        """Open an article in the reader. Python's cycle collector waits until the reader has
        painted it: an open makes tens of thousands of objects (an annotation, a span and
        their tuples each), which started a collection every 700, and every other open a
        full one over every object of the window (15–90 ms of an open of a 1 MB article with
        10,000 annotations, before its first paint). Reference counting frees what the
        article before left; the collector runs just after the paint."""
        resume = hold()
        try:
            self._open_document(document_id)
        finally:
            self.reader.text.when_painted(resume)
            # No paint comes while the reader is hidden (or an open failed): not for long.
            QTimer.singleShot(RESUME_COLLECTOR_MS, resume)

    def _open_document(self, document_id: int) -> None:
        try:
            assert self.session is not None
            # Offsets that no longer hold their quote (the text changed outside Hamish) are
            # re-anchored first; the repair reaches every view as a change like any other.
            opened = open_article(self.project, document_id)
            self.session.record(opened)
            found = opened.value
            document, marks, repairs, rows = (
                found.document,
                found.annotations,
                found.repairs,
                found.rows,
            )
        except HamishError as error:
            self.messenger.error(self.tr("Cannot open article"), str(error))
            return
        self._remember_position()  # of the article read until now
        # Where the analyst left this one (its start the first time).
        top = self._positions.get(document_id, 0)
        self.reader.show_document(document, self.tagging.spans(marks), top)
        self.api.document_opened.emit(document_id)
        # The panel reads whole only the rows it shows: reading 10,000 annotations whole was
        # two fifths of an open.
        self.annotation_model.set_document(document_id, marks if rows is None else rows)
        if self._find_bar is not None:
            self._find_bar.reset()
        self.library.select(document_id)
        self._update_title()
        # Remembered now, not only when the window closes: after a crash (or a kill) the
        # next start opened the article read before this one (a trial).
        self._remember_document()
        if repairs:
            moved = sum(1 for _, r in repairs if r.anchor == "moved")
            orphaned = sum(1 for _, r in repairs if r.anchor == "orphaned")
            self.statusBar().showMessage(
                self.tr(
                    "The article text changed: {moved} annotation(s) re-anchored by their "
                    "quote, {orphaned} orphaned (see the Annotations panel)."
                ).format(moved=moved, orphaned=orphaned),
                10000,
            )

    def _current_document(self) -> int | None:
        return self.reader.document_id

    def import_files(self, paths: list[str]) -> None:
        """Import files and folders in the background (see ``ui/transfer/importing.py``)."""
        self.finish_setup()
        self.importing.import_paths(paths)

    def choose_import(self) -> None:
        self.finish_setup()
        self.importing.choose_files()

    def _set_snap(self, enabled: bool) -> None:
        self.reader.text.snap_enabled = enabled
        self.prefs.set(settings.SNAP_TO_WORDS, enabled)

    # --- changes ---------------------------------------------------------------------------------
    def _apply_changes(self, changes: ChangeSet) -> None:
        """Library counts, label actions and the panel; the tagging controller repaints the
        reader's highlights from the same signal."""
        assert self.library.model is not None
        open_removed = self.reader.document_id in changes.documents_removed
        row = self.library.view.currentIndex().row() if open_removed else -1
        with self.library.quiet():  # the article to open next is chosen below, once
            self.library.model.apply(changes)
        if changes.labels_changed:
            self._rebuild_label_actions()
        self.annotation_model.apply(changes)
        if changes.documents_added or changes.documents_removed or changes.documents_reloaded:
            self._update_status()
        if open_removed:
            self._open_near(row)

    def _open_near(self, row: int) -> None:
        """The open article went away (deleted, or its import undone): open the one that
        took its row in the library, or show the empty reader."""
        following = self.library.document_near(row)
        if following is not None:
            self.open_document(following)
            return
        self.reader.clear()
        self.annotation_model.set_document(None)
        if self._find_bar is not None:
            self._find_bar.reset()
        self._update_title()

    def open_at(self, document_id: int, start: int, end: int) -> None:
        """Open an article (if it is not open) scrolled to a span, selected and flashed."""
        if self.reader.document_id != document_id:
            self.open_document(document_id)
        if self.reader.document_id == document_id:
            self.reader.text.select_cp(start, end)
            self.reader.text.flash(start, end)
            self.reader.text.setFocus()

    # --- side by side (issue 16: ui/reader/beside.py) -------------------------------------------
    def _install_beside(self, splitter: QSplitter) -> None:
        """The reader moves into ``splitter``, which takes its central place."""
        self.takeCentralWidget()  # the reader, kept (setCentralWidget would delete it)
        splitter.addWidget(self.reader)
        self.setCentralWidget(splitter)
        splitter.show()  # now, not once the event loop runs (a queued show otherwise)

    def _open_beside(self) -> None:
        """Library → Open Beside: the chosen article in the second pane."""
        chosen = self.library.selected_documents()
        document = chosen[0] if chosen else self.reader.document_id
        if document is not None:
            self.beside.open(document)

    def open_both(self, first: tuple[int, int, int], second: tuple[int, int, int]) -> None:
        self.finish_setup()
        self.beside.open_both(first, second)

    def _set_suggestions(self, enabled: bool) -> None:
        self.suggestions.set_enabled(enabled)
        self.prefs.set(settings.SHOW_SUGGESTIONS, enabled)

    def _set_offer_name_parts(self, enabled: bool) -> None:
        self.name_parts.set_enabled(enabled)
        self.prefs.set(settings.OFFER_NAME_PARTS, enabled)

    def find_mentions(self, entity_id: int | None) -> None:
        """Offer untagged mentions of an entity (the one under the cursor by default)."""
        if self.session is None:
            return
        if entity_id is None:
            current = self.tagging.current_annotation()
            if current is not None:
                entity_id = self.project.annotations.get(current).entity_id
            if entity_id is None:
                entity_id = self.entities.current_id()
        if entity_id is None:
            self.statusBar().showMessage(
                self.tr(
                    "Place the cursor on a tagged entity, or choose one in the Entities panel."
                ),
                5000,
            )
            return
        from desktop.ui.entities.mentions import MentionsDialog  # loads the matcher on first use

        dialog = MentionsDialog(
            self.project,
            self.project.entities.get(entity_id),
            self.reader.document_id,
            self,
            add_alias=self.entity_actions.add_alias,
        )
        dialog.accept_requested.connect(self.tagging.accept_mentions)
        dialog.reject_requested.connect(self.tagging.reject_mentions)
        dialog.open_requested.connect(self.open_at)
        dialog.exec()

    def show_network(self) -> None:
        """The Entity Network dock, built the first time it is asked for (issue 16)."""
        if self.network_dock is None:
            from desktop.ui.figures.network_dock import NetworkController, NetworkDock

            self.network_dock = NetworkDock(self)
            if self.registry.icon_color is not None:
                self.network_dock.set_icon_color(self.registry.icon_color)
            if applied_dark():
                self.network_dock.set_dark(True)  # the figure in the theme's colours
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.network_dock)
            # Two fifths of the height: with a floor of 320 px it took the article's place on
            # a 640 px window (keep_reader_room cuts it to BOTTOM_SHARE on a resize).
            height = max(self.height() * 2 // 5, bottom_height(self.height()))
            self.resizeDocks([self.network_dock], [height], Qt.Orientation.Vertical)
            self.network = NetworkController(
                self.api, self.network_dock, self.entity_actions.open_entity
            )
        self._show_dock(self.network_dock)

    def figures_shown(self) -> dict[str, object]:
        """What the figure docks show (``ui/figures/briefing.Shown``): a briefing or a figure
        made from the window draws the network as its dock does (filters, positions)."""
        shown: dict[str, object] = {}
        # Open, in sight or behind another tab: its filters are the analyst's; closed, not.
        dock, network = self.network_dock, self.network
        if dock is not None and network is not None and dock.toggleViewAction().isChecked():
            shown["network"] = network.shown()
        timeline = self.timeline_dock
        if timeline is not None and timeline.toggleViewAction().isChecked():
            shown["timeline"] = self.timeline.options
        return shown

    def show_review(self) -> None:
        """View → Review Queue: the queue brought forward with the keyboard in it."""
        self._show_dock(self.review_dock)
        self.review.take_keyboard()

    def show_claims_table(self) -> None:
        """View → Claims: the Claims table under the article."""
        self._show_dock(self.claims_table)

    def _bottom_docks(self) -> list[QDockWidget]:
        """The panels that open under the article, those made so far."""
        docks = [self.claims_table] if self._ready else []
        return docks + [d for d in (self.network_dock, self.timeline_dock) if d is not None]

    def _fit_bottom(self, newcomer: QDockWidget | None = None) -> None:
        """The panels under the article side by side while each can have BOTTOM_MIN_WIDTH,
        else tabbed together (the figures with each other first) — each then has the whole
        width, its controls on one or two rows. ``newcomer``, just shown, is brought forward
        and, beside the others, given an equal share of the width (their bars wrap, so none
        asks for a width of its own and Qt gave the newcomer what the others left)."""
        if not self._ready:
            return  # before finish_setup no panel opens under the article
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        groups = self._docked(bottom)
        moved = False
        while len(groups) > 1 and len(groups) * BOTTOM_MIN_WIDTH > self.width():
            mover = newcomer if newcomer in groups else groups[-1]
            others = [d for d in groups if d is not mover]
            figure = mover is not self.claims_table
            host = next((d for d in others if figure == self._shows_figure(d)), others[-1])
            self.tabifyDockWidget(host, mover)
            moved = True
            groups = self._docked(bottom)
        if newcomer is not None:
            newcomer.raise_()
            if not moved and len(groups) > 1 and newcomer in groups:
                share = self.width() // len(groups)
                self.resizeDocks(groups, [share] * len(groups), Qt.Orientation.Horizontal)

    def _shows_figure(self, dock: QDockWidget) -> bool:
        """Whether ``dock``'s tab group holds the network or the timeline."""
        group = [dock, *self.tabifiedDockWidgets(dock)]
        return any(d in group for d in (self.network_dock, self.timeline_dock) if d is not None)

    def _bottom_cap(self, dock: QDockWidget) -> int:
        """How tall a panel under the article may stay when the window shrinks: a figure
        (network, timeline) needs ``bottom_height`` to show anything; the Claims table,
        BOTTOM_SHARE — it left the article one line on a short window."""
        group = [dock, *self.tabifiedDockWidgets(dock)]
        if any(d in group for d in (self.network_dock, self.timeline_dock) if d is not None):
            return bottom_height(self.height())
        return int(self.height() * BOTTOM_SHARE)

    def _show_dock(self, dock: QDockWidget) -> None:
        opening = not dock.isVisible()
        dock.show()
        dock.raise_()
        if dock in self._bottom_docks() and self.dockWidgetArea(dock) == (
            Qt.DockWidgetArea.BottomDockWidgetArea
        ):
            self._fit_bottom(dock)
            least = bottom_height(self.height())
            figure = dock in (self.network_dock, self.timeline_dock)
            if opening and figure and not dock.isFloating() and dock.height() < least:
                # A figure opened under the article at its least size hint: the timeline's
                # plot was 45 px on a 1024×640 window (a trial).
                self.resizeDocks([dock], [least], Qt.Orientation.Vertical)

    def _rebuild_label_actions(self) -> None:
        tail = [
            self.registry[ActionId.SNAP_TO_WORDS],
            self.registry[ActionId.LINK_ENTITY],
            self.registry[ActionId.FIND_MENTIONS],
            self.registry[ActionId.SHOW_SUGGESTIONS],
            self.registry[ActionId.NEXT_SUGGESTION],
            self.registry[ActionId.SHOW_REVIEW],
            self.registry[ActionId.REVIEW_NAME_PARTS],
            self.registry[ActionId.OFFER_NAME_PARTS],
            self.registry[ActionId.RETRAIN_AFTER],
            self.registry[ActionId.MANAGE_LABELS],
        ]
        self.tagging.rebuild_label_actions(self.tag_menu, self.label_bar, tail)
        for action in self.tagging.label_actions:
            action.setEnabled(not self.project.read_only)
        self.label_bar.adopt_actions()  # what does not fit goes into its » menu

    def manage_labels(self) -> None:
        from desktop.ui.labels.manager import manage_labels

        if self.session is not None:
            manage_labels(self.api)

    def _update_status(self) -> None:
        self.status_project.setText(
            f"{isolate(self.project.path.name)}  ·  "
            + self.tr("%n article(s)", "", self.project.documents.count())
        )

    # --- view --------------------------------------------------------------------------------
    def choose_font(self) -> None:
        from PySide6.QtWidgets import QFontDialog

        from desktop.ui.widgets.native import qt_dialog_wanted

        title = self.tr("Reader Font")
        if qt_dialog_wanted(self):  # GTK's font chooser stayed white over the dark theme
            option = QFontDialog.FontDialogOption.DontUseNativeDialog
            ok, font = QFontDialog.getFont(self.reader.base_font(), self, title, option)
        else:
            ok, font = QFontDialog.getFont(self.reader.base_font(), self, title)
        if ok:
            self.reader.set_font(font)
            self.prefs.set(settings.READER_FONT_FAMILY, font.family())
            self.prefs.set(settings.READER_FONT_SIZE, font.pointSizeF())

    def _remember_sort(self, column: int, descending: bool) -> None:
        """The library's order, for the next start (and the next project opened)."""
        self.prefs.set(settings.LIBRARY_SORT_COLUMN, LibraryModel.KEYS[column])
        self.prefs.set(settings.LIBRARY_SORT_DESCENDING, descending)

    def _focus_filter(self) -> None:
        self.library.show()
        self.library.filter_edit.setFocus()
        self.library.filter_edit.selectAll()

    @property
    def find_bar(self) -> FindBar:
        """Find in the article (Ctrl+F), made on first use: hidden until asked for, it has no
        place in the first paint."""
        if self._find_bar is None:
            from desktop.ui.reader.findbar import FindBar

            self._find_bar = FindBar(self.reader.text, self)
            self.reader.add_bar(self._find_bar)
        return self._find_bar

    def _open_find(self) -> None:
        if self.reader.document_id is not None:
            self.find_bar.open_bar()

    def about(self) -> AboutDialog:
        """Help → About: version, licence and third-party licences (not modal)."""
        from desktop.ui.shell.about import AboutDialog  # the licences are read only now

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _show_active(dialog)
        return dialog

    def _theme_changed(self, dark: bool) -> None:
        """The reader's tints and the toolbar's icons follow the theme (the stylesheet and
        palette are the application's: ``theme.apply``)."""
        self.reader.set_dark(dark)
        if self._ready and self.beside.pane is not None:  # side by side (issue 16)
            self.beside.pane.set_dark(dark)
        # The figures in the window follow the theme; printed and exported ones stay white.
        if self.network_dock is not None:
            self.network_dock.set_dark(dark)
        if self.timeline_dock is not None:
            self.timeline_dock.set_dark(dark)
        colour = DARK_ICON_COLOR if dark else None
        if colour != self.registry.icon_color:
            self.registry.set_icon_color(colour)
            # Mirrored in Arabic, as _build_menus chose them.
            back, forward = (
                ("mdi6.redo", "mdi6.undo") if self.isRightToLeft() else ("mdi6.undo", "mdi6.redo")
            )
            self.undo_action.setIcon(icon(back, colour))
            self.redo_action.setIcon(icon(forward, colour))
            self.library.follow_theme()
            if self.network_dock is not None:
                self.network_dock.set_icon_color(colour)
            bar = getattr(self, "name_parts_bar", None)  # (the theme is applied before it is built)
            if bar is not None:
                bar.set_icon_color(colour)
            if self._ready:  # (at start-up, what is built after the theme is built in it)
                # The rest: the find bar, the side-by-side pane, a dialog left open …
                from PySide6.QtWidgets import QApplication

                follow_theme(QApplication.allWidgets())

    # --- help for a newcomer -------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts: generated from the actions and the labels (not modal)."""
        from desktop.ui.shell.shortcuts import ShortcutSheet, build_rows

        labels = self.session.labels if self.session is not None else []
        rows = build_rows(self.registry.all(), labels, self.undo_action, self.redo_action)
        sheet = ShortcutSheet(rows, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcut_sheet = sheet
        _show_active(sheet)

    def show_guide(self, *, force: bool = False) -> None:
        """The first-run guide above the article: on the default project until dismissed,
        or whenever Help → Getting Started asks (``force``)."""
        default = self.project.path.resolve() == paths.default_project_path().resolve()
        wanted = force or (default and not self.prefs.get(settings.GUIDE_DISMISSED))
        self._guide_wanted = wanted
        if self._guide_held and not force:
            return  # shown once the name question is answered (ask_author_once)
        if wanted and self.guide is None:
            from desktop.ui.shell.guide import GuideBar  # after the first paint (finish_setup)

            self.guide = GuideBar(self)
            self.guide.dismissed.connect(self._guide_dismissed)
            self.reader.add_bar(self.guide)
        self._fit_guide()

    def _fit_guide(self) -> None:
        if self.guide is not None:
            tall = self.reader.height() >= GUIDE_MIN_READER or not self.isVisible()
            self.guide.setVisible(self._guide_wanted and tall)

    def _guide_dismissed(self) -> None:
        self._guide_wanted = False
        self.prefs.set(settings.GUIDE_DISMISSED, True)
        self.reader.text.setFocus()

    def _author_unasked(self) -> bool:
        """Whether the name is still to be asked (never asked, and not named already by an
        older version's settings)."""
        return not (
            self.prefs.get(settings.AUTHOR_ASKED) or self.prefs.get(settings.AUTHOR_NAME).strip()
        )

    def ask_name_first(self) -> None:
        """On the first launch the name question (:meth:`ask_author_once`) comes first and the
        first-run guide after it: shown together, the question's dialog sat over the guide
        and the analyst met two things to read at once. Call before :meth:`finish_setup`."""
        self._guide_held = self._author_unasked()

    def ask_author_once(self) -> None:
        """On the first launch: ask the analyst's name once (pre-filled with the account's
        full name); later File → Your Name changes it. The first-run guide, held meanwhile
        (:meth:`ask_name_first`), shows once the question is answered or cancelled."""
        try:
            if not self._author_unasked():
                return
            self.prefs.set(settings.AUTHOR_ASKED, True)
            self.edit_author()
        finally:
            if self._guide_held and not self._closed:
                self._guide_held = False
                self.show_guide()
            self._guide_held = False

    def edit_author(self) -> None:
        answer = self.messenger.ask_text(
            self.tr("Your Name"),
            self.tr("The name recorded on your annotations and as a briefing's author:"),
            self.prefs.author(),
        )
        if answer is None:
            return
        self.prefs.set(settings.AUTHOR_NAME, answer.strip())
        self.prefs.set(settings.AUTHOR_ASKED, True)
        if self.session is not None:
            self.session.author = self.prefs.author()

    def edit_retrain_after(self) -> None:
        """Tag → Retrain Suggestions After…: the setting ``suggestions/retrain_after``, which
        only hamish.ini held (a trial analyst could not find it, issue 14)."""
        every = settings.RETRAIN_AFTER  # its range declared with it
        assert every.minimum is not None and every.maximum is not None
        low, high = int(every.minimum), int(every.maximum)
        answer = self.messenger.ask_text(
            self.tr("Retrain Suggestions"),
            self.tr(
                "Train the suggestions again after this many new entity tags and decisions "
                "({low} to {high}):"
            ).format(low=low, high=high),
            str(self.prefs.get(settings.RETRAIN_AFTER)),
        )
        if answer is None:
            return
        text = answer.strip().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
        if not text.isdigit() or not low <= int(text) <= high:
            self.messenger.info(
                self.tr("Retrain Suggestions"),
                self.tr(
                    "Give a whole number from {low} to {high}; the setting is unchanged."
                ).format(low=low, high=high),
            )
            return
        self.prefs.set(settings.RETRAIN_AFTER, int(text))
        self.api.show_status(
            self.tr(
                "Suggestions will learn again after %n new tag(s) or decision(s).", "", int(text)
            ),
            5000,
        )

    def _update_title(self) -> None:
        parts = []
        if self.reader.document_id is not None:
            parts.append(isolate(self.reader.title.text()))
        parts.append(isolate(self.project.path.stem))
        parts.append(self.tr("Hamish"))
        self.setWindowTitle(" — ".join(parts))

    # --- size ------------------------------------------------------------------------------
    def _default_size(self) -> None:
        """1280×820, or less on a smaller screen: a first launch on a 1366×768 laptop must
        not open taller than the screen (a saved geometry replaces this)."""
        fit_to_screen(self, 1280, 820)

    def _dock_sides(self) -> None:
        """The library on the reading side, the annotations on the other, each as wide as
        ``fit_docks`` makes it: what ``addDockWidget(area, dock)`` and ``fit_docks`` do, through
        a state Qt restores (``qtvalues.side_docks_state``) — both of those take a ``Qt`` enum,
        and making one builds the Qt namespace before the first paint (see ``qtvalues``).
        On a window too narrow for two such panels beside the article's share (under
        about 1,000 px), each is as much narrower as ``keep_reader_room`` would make it
        once shown (down to ``DOCK_MIN_WIDTH``) — whose ``resizeDocks`` takes a
        ``Qt.Orientation``: at 1024×640 it built the namespace before the first paint."""
        room = (self.width() - int(self.width() * READER_SHARE) - 1 - DOCK_SEPARATORS) // 2
        side = self._side_width()
        if DOCK_MIN_WIDTH <= room < side:  # (narrower yet, the window is not at its size)
            side = room
        start, end = (
            (qv.RIGHT_DOCK, qv.LEFT_DOCK)
            if self.isRightToLeft()
            else (
                qv.LEFT_DOCK,
                qv.RIGHT_DOCK,
            )
        )
        state = qv.side_docks_state(
            {
                start: (self.library.objectName(), side),
                end: (self.annotations.objectName(), side),
            }
        )
        if not self.restoreState(QByteArray(state)):
            raise RuntimeError("Qt refused the side docks' layout")

    def _side_width(self) -> int:
        return max(DOCK_WIDTH, min(DOCK_MAX_WIDTH, int(self.width() * DOCK_SHARE)))

    def fit_docks(self) -> None:
        """Side panels in proportion to the window (DOCK_SHARE each, 240–340 px), so the
        article keeps the widest column on a small window too (keep_reader_room narrows them
        further on a window under 1000 px)."""
        side = self._side_width()
        self.resizeDocks([self.library, self.annotations], [side, side], Qt.Orientation.Horizontal)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._room_timer.start()

    def keep_reader_room(self) -> None:
        """Give the article back its room when the window became too small for the docks as
        they are: Qt shrinks the central widget first, so a layout saved on a wide screen
        left a 1024 px window two thirds panels. The side panels narrow (each in proportion
        to what it can spare) until the article has READER_SHARE of the width, and a panel
        under the article is cut to BOTTOM_SHARE of the height; after a restored layout the
        panels under the article give way until it has READER_HEIGHT_SHARE of the height.
        Only a resize, a restored layout or opening the bottom panel runs this: a panel the
        analyst drags wider stays so, and is saved so."""
        reader = self.centralWidget()
        if reader is None or not self.isVisible():
            return
        self._fit_guide()
        missing = int(self.width() * READER_SHARE) + 1 - reader.width()
        if missing > 0:
            self._narrow_side_docks(missing)
        tall = [
            (dock, cap)
            for dock in self._docked(qv.BOTTOM_AREA)
            if dock.height() > (cap := self._bottom_cap(dock))
        ]
        if tall:
            self.resizeDocks(
                [dock for dock, _ in tall], [cap for _, cap in tall], Qt.Orientation.Vertical
            )
        self._fit_bottom()  # a narrower window: the panels under the article tabbed
        self._fit_tabs()
        if self._restored:
            self._restored = False
            self._give_reader_height(reader)
        self._fit_guide()

    def _fit_tabs(self) -> None:
        """Tabbed panels' names cut at their end when they do not all fit, each keeping at
        least its first TAB_LEAST_LETTERS letters (the ellipsis after them; the whole name in
        the tab's tooltip, which Qt sets), and scrolled by the tab bar's arrows only when even
        that does not fit. Qt's own least is two letters (four panels in a 240 px dock read
        «قائمة المر…», «الب…», «الا…», a trial), and whole names scrolled left a name cut at
        the bar's edge with no ellipsis («قا», "ations", the next trial). The least is a
        minimum tab width, the same for every bar: the widest start of TAB_LEAST_LETTERS
        letters among the panels' names, plus the tab's padding. Qt makes a tab bar when
        panels are first tabbed together, so each is set here, run after every change of the
        layout and when a panel is shown, hidden or tabbed (never before the first paint)."""
        if not self._ready:
            return
        from PySide6.QtWidgets import QTabBar  # not built before the first paint

        sheet = ""
        for bar in self.findChildren(QTabBar):
            if bar.parent() is not self:
                continue
            if not sheet:
                sheet = f"QTabBar::tab {{ min-width: {self._least_tab_width(bar)}px; }}"
            if bar.elideMode() != Qt.TextElideMode.ElideRight:
                bar.setElideMode(Qt.TextElideMode.ElideRight)
                bar.setUsesScrollButtons(True)
            if bar.styleSheet() != sheet:
                bar.setStyleSheet(sheet)

    def _least_tab_width(self, bar: QTabBar) -> int:
        """px: a tab showing TAB_LEAST_LETTERS letters of the panel's name and an ellipsis
        (the whole name when shorter), for the widest such start among the panels."""
        metrics = bar.fontMetrics()
        widest = 0
        for dock in self._docks:
            name = qv.first_letters(dock.windowTitle().replace("&", ""), TAB_LEAST_LETTERS)
            widest = max(widest, metrics.horizontalAdvance(name))
        from PySide6.QtWidgets import QStyle

        padding = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
        return widest + padding

    def _give_reader_height(self, reader: QWidget) -> None:
        """Panels under the article, as a restored layout left them, made shorter (down to
        their least height) until the article has READER_HEIGHT_SHARE of the window."""
        missing = int(self.height() * READER_HEIGHT_SHARE) - reader.height()
        # Those in sight, not _docked's one per tab group: after restoreState Qt may still
        # name a panel split off under another as tabbed with it.
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        docks = [
            d
            for d in self._docks
            if d.isVisible()
            and not d.isFloating()
            and self.dockWidgetArea(d) == bottom
            and not d.visibleRegion().isEmpty()
        ]
        if missing <= 0 or not docks:
            return
        # Each in proportion to what it can spare: two panels one above the other, each
        # within its own cap (keep_reader_room), still took 0.6 of the window together.
        spare = [max(0, d.height() - d.minimumSizeHint().height()) for d in docks]
        total = sum(spare)
        if total < missing and len(docks) > 1:
            # Even at their least heights one above the other they leave it short: tabbed
            # together, the one in front takes the Claims table's share.
            for dock in docks[1:]:
                # Taken out first: Qt may already count it tabbed with the first (above),
                # and tabifying it again would do nothing.
                self.removeDockWidget(dock)
                self.tabifyDockWidget(docks[0], dock)
                dock.show()
            docks[0].raise_()
            height = int(self.height() * BOTTOM_SHARE)
            self.resizeDocks([docks[0]], [height], Qt.Orientation.Vertical)
            return
        if not total:
            return
        heights = [
            d.height() - min(room, -(-missing * room // total))
            for d, room in zip(docks, spare, strict=True)
        ]
        self.resizeDocks(docks, heights, Qt.Orientation.Vertical)

    def _area_of(self, dock: QDockWidget) -> int:
        """The ``Qt.DockWidgetArea`` value of a docked panel's area, from where it is beside
        the article: ``dockWidgetArea`` answers a Qt enum, and this runs before the first
        paint (keep_reader_room), when making one would build the Qt namespace (qtvalues)."""
        article = self.reader.geometry()
        place = dock.geometry()
        if place.top() > article.bottom():
            return qv.BOTTOM_AREA
        if place.bottom() < article.top():
            return qv.TOP_AREA
        if place.right() < article.left():
            return qv.LEFT_AREA
        return qv.RIGHT_AREA

    def _docked(self, area: Qt.DockWidgetArea | int) -> list[QDockWidget]:
        """The visible, docked panels of an area, one per tab group."""
        area = area if isinstance(area, int) else area.value
        docks: list[QDockWidget] = []
        # The window's own panels, not findChildren(QDockWidget): that wraps every widget of
        # the window in Python to test its type (~30 ms while the window first shows).
        for dock in self._docks:
            if (
                dock.isVisible()
                and not dock.isFloating()
                and self._area_of(dock) == area
                and not any(dock in self.tabifiedDockWidgets(d) for d in docks)
            ):
                docks.append(dock)
        return docks

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None:  # type: ignore[override]
        """Docks the panel and remembers it among the window's panels."""
        super().addDockWidget(area, dock)
        if dock not in self._docks:
            self._docks.append(dock)
            if self._ready:
                self._watch_tabs(dock)

    def _watch_tabs(self, dock: QDockWidget) -> None:
        """``_fit_tabs`` once the event loop turns after the panel is shown, hidden or tabbed
        (dragged onto another, Qt makes a tab bar for them that only it would fit)."""
        dock.visibilityChanged.connect(self._tabs_may_change)

    def _tabs_may_change(self, _shown: bool) -> None:
        # Not while the window is deleted (Qt deletes it when the display is gone, and its
        # panels hide on the way: each asked the deleted window for a timer, and printed a
        # RuntimeError).
        if shiboken6.isValid(self):
            QTimer.singleShot(0, self, self._fit_tabs)

    def _narrow_side_docks(self, missing: int) -> None:
        sides = [
            max(self._docked(area), key=lambda d: d.width())
            for area in (
                Qt.DockWidgetArea.LeftDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea,
            )
            if self._docked(area)
        ]
        spare = [
            max(0, d.width() - max(d.minimumSizeHint().width(), d.minimumWidth())) for d in sides
        ]
        total = sum(spare)
        if not total:
            return
        widths = [
            d.width() - min(room, -(-missing * room // total))
            for d, room in zip(sides, spare, strict=True)
        ]
        self.resizeDocks(sides, widths, Qt.Orientation.Horizontal)

    # --- persistence -------------------------------------------------------------------------
    def _restore_layout(self, *, geometry: bool = True) -> None:
        saved = self.prefs.get(settings.WINDOW_GEOMETRY)
        if geometry and isinstance(saved, QByteArray) and not saved.isEmpty():
            self.restoreGeometry(saved)
        state = self.prefs.get(settings.WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            version = self._layout_version()
            if not self.restoreState(state, version):
                self._restore_mirrored(state, version)

    def _restore_mirrored(self, state: QByteArray, version: int) -> None:
        """A layout saved in the other direction (the interface language was switched),
        restored as its mirror image: the analyst's panels, sizes and tab groups, with the
        start and end sides swapped (``desktop.ui.layout_mirror``). Anything else Qt
        refused (an older dock set) gives the default layout, as before."""
        data = bytes(state.data())
        other = LAYOUT_VERSION + (0 if self.isRightToLeft() else 1000)
        from desktop.ui.layout_mirror import mirrored_state, state_version  # only when needed

        if state_version(data) != other:
            return
        mirrored = mirrored_state(data, version)
        if mirrored is not None:
            self.restoreState(QByteArray(mirrored), version)

    def _remember_document(self) -> None:
        if self.reader.document_id is not None:
            self.prefs.set_project_value(self.project.path, LAST_DOCUMENT, self.reader.document_id)

    def _remember_position(self) -> None:
        """Keep where the open article is read (the character its top line starts with):
        opened again, in this session or the next, it shows from there."""
        document_id = self.reader.document_id
        if document_id is None:
            return
        top = self.reader.text.top_cp()
        if self._positions.get(document_id, 0) == top:
            return
        self._positions.pop(document_id, None)
        if top:
            self._positions[document_id] = top
        while len(self._positions) > KEPT_POSITIONS:
            del self._positions[next(iter(self._positions))]
        self.prefs.set_project_value(
            self.project.path, READING_POSITIONS, write_positions(self._positions)
        )

    def save_state(self) -> None:
        self.prefs.set(settings.WINDOW_GEOMETRY, self.saveGeometry())
        if self._ready:
            # Before finish_setup half the docks do not exist yet: a layout saved then (the
            # window closed at once) would lose their places for every later session.
            self.prefs.set(settings.WINDOW_STATE, self.saveState(self._layout_version()))
        self.prefs.set(settings.READER_ZOOM, self.reader.zoom)
        self._remember_document()
        self._remember_position()
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.api.close()  # background work stops before the project closes
        self.save_state()
        self.project.close()
        super().closeEvent(event)


def _show_keys_of(toggle: QAction, title: str, source: QAction) -> None:
    """The View menu's entry for a panel shows the keys that bring the panel forward (the
    window's own action, ``source``): a trial found Ctrl+Shift+N and Ctrl+Shift+C nowhere in
    the menu. A tab in a menu entry's text starts its keys column; the keys are not the
    toggle's own, so they bring the panel forward instead of hiding it, and follow the
    action's keys when they change (Help → Keyboard Shortcuts)."""

    from PySide6.QtGui import QKeySequence

    def update() -> None:
        keys = source.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        toggle.setText(f"{title}\t{keys}" if keys else title)

    source.changed.connect(update)
    update()


def _show_active(window: QWidget) -> None:
    """Show a non-modal window (Help → About, the F1 sheet) with the keyboard in it: shown
    only, it could open behind the main window's focus, which kept the keys (a trial: Esc
    closed neither, and typing did not reach the sheet's filter)."""
    window.show()
    window.raise_()
    window.activateWindow()


def read_positions(value: object) -> dict[int, int]:
    """The reading positions kept for a project ("id:code point" pairs, the latest last);
    whatever does not read as such (a settings file edited by hand) is left out."""
    positions: dict[int, int] = {}
    if isinstance(value, str):
        for pair in value.split()[-KEPT_POSITIONS:]:
            document, _, top = pair.partition(":")
            if document.isdecimal() and top.isdecimal() and len(document + top) < 24:
                positions.pop(int(document), None)
                positions[int(document)] = int(top)
    return positions


def write_positions(positions: dict[int, int]) -> str:
    return " ".join(f"{document}:{top}" for document, top in positions.items())
