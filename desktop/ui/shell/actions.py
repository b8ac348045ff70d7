"""Every command of the window declared once: text, icon, shortcut, tip.

Menus, toolbars and tests look actions up by ``ActionId`` instead of holding widget attributes,
so a shortcut or icon changes in one place.
"""

from __future__ import annotations

from typing import Final, NewType

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QGuiApplication

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.widgets.bidi import LRI, PDI
from desktop.ui.widgets.icons import icon

ActionKey = NewType("ActionKey", str)
"""An action's key in the registry, and its ``QAction``'s object name."""


class ActionId:
    """Every action's key. Plain class attributes, not an ``Enum``: a class of 60 members
    cost 4.9 M instructions of every start-up to make, where these cost next to nothing,
    and nothing needs what an ``Enum`` adds (iteration, lookup by value)."""

    NEW_PROJECT: Final = ActionKey("new_project")
    OPEN_PROJECT: Final = ActionKey("open_project")
    IMPORT_FILES: Final = ActionKey("import_files")
    IMPORT_FOLDER: Final = ActionKey("import_folder")
    NEW_FROM_CLIPBOARD: Final = ActionKey("new_from_clipboard")
    EDIT_METADATA: Final = ActionKey("edit_metadata")
    DELETE_ARTICLE: Final = ActionKey("delete_article")
    EXPORT_BRIEFING: Final = ActionKey("export_briefing")
    EXPORT_ANNOTATIONS_CSV: Final = ActionKey("export_annotations_csv")
    EXPORT_CLAIMS_CSV: Final = ActionKey("export_claims_csv")
    EXPORT_JSON: Final = ActionKey("export_json")
    EXPORT_XMI: Final = ActionKey("export_xmi")
    EXPORT_BRAT: Final = ActionKey("export_brat")
    EXPORT_CONLL: Final = ActionKey("export_conll")
    IMPORT_XMI: Final = ActionKey("import_xmi")
    IMPORT_BRAT: Final = ActionKey("import_brat")
    EXPORT_QDPX: Final = ActionKey("export_qdpx")
    EXPORT_W3C: Final = ActionKey("export_w3c")
    IMPORT_EXCHANGE: Final = ActionKey("import_exchange")
    BACKUPS: Final = ActionKey("backups")
    QUIT: Final = ActionKey("quit")
    ZOOM_IN: Final = ActionKey("zoom_in")
    ZOOM_OUT: Final = ActionKey("zoom_out")
    ZOOM_RESET: Final = ActionKey("zoom_reset")
    CHOOSE_FONT: Final = ActionKey("choose_font")
    FOCUS_FILTER: Final = ActionKey("focus_filter")
    FIND: Final = ActionKey("find")
    SEARCH: Final = ActionKey("search")
    NEXT_ANNOTATION: Final = ActionKey("next_annotation")
    PREVIOUS_ANNOTATION: Final = ActionKey("previous_annotation")
    EDIT_NOTE: Final = ActionKey("edit_note")
    DELETE_ANNOTATION: Final = ActionKey("delete_annotation")
    MANAGE_LABELS: Final = ActionKey("manage_labels")
    SNAP_TO_WORDS: Final = ActionKey("snap_to_words")
    LINK_ENTITY: Final = ActionKey("link_entity")
    FIND_MENTIONS: Final = ActionKey("find_mentions")
    SHOW_SUGGESTIONS: Final = ActionKey("show_suggestions")
    OFFER_NAME_PARTS: Final = ActionKey("offer_name_parts")
    RETRAIN_AFTER: Final = ActionKey("retrain_after")
    REVIEW_NAME_PARTS: Final = ActionKey("review_name_parts")
    ACCEPT_SUGGESTION: Final = ActionKey("accept_suggestion")
    NEXT_SUGGESTION: Final = ActionKey("next_suggestion")
    SHOW_REVIEW: Final = ActionKey("show_review")
    SUGGESTION_LEGEND: Final = ActionKey("suggestion_legend")
    SHOW_ENTITIES: Final = ActionKey("show_entities")
    SHOW_CLAIMS: Final = ActionKey("show_claims")
    # The entity network (issue 16), built on first use.
    SHOW_NETWORK: Final = ActionKey("show_network")
    SHOW_TIMELINE: Final = ActionKey("show_timeline")
    ABOUT: Final = ActionKey("about")
    SHORTCUTS: Final = ActionKey("shortcuts")
    GETTING_STARTED: Final = ActionKey("getting_started")
    SET_AUTHOR: Final = ActionKey("set_author")
    CLEAR_RECENT: Final = ActionKey("clear_recent")
    THEME_SYSTEM: Final = ActionKey("theme_system")
    THEME_LIGHT: Final = ActionKey("theme_light")
    THEME_DARK: Final = ActionKey("theme_dark")
    # Side by side (issue 16): ui/reader/beside.py
    SIDE_BY_SIDE: Final = ActionKey("side_by_side")
    OPEN_BESIDE: Final = ActionKey("open_beside")
    SYNC_SCROLL: Final = ActionKey("sync_scroll")
    EXPORT_FIGURE: Final = ActionKey("export_figure")


class ActionSpec:
    """``text`` and ``tip`` are English source strings, translated in the "Actions" context
    when the QAction is made (``QT_TRANSLATE_NOOP`` marks them for lupdate). ``shortcuts``
    are portable key strings ("Ctrl+N", not QKeySequence.StandardKey.New, which is Ctrl+N on
    every platform): naming QKeySequence here built its Python class at start-up (5.5 M
    instructions) for keys that are only set after the first paint (load_shortcuts). A plain
    class: a NamedTuple costs 1.2 M instructions to make, and a spec is only read."""

    __slots__ = ("icon", "shortcuts", "text", "tip")

    def __init__(
        self, text: str, icon: str, shortcuts: tuple[str, ...] = (), tip: str = ""
    ) -> None:
        self.text = text
        self.icon = icon
        self.shortcuts = shortcuts
        self.tip = tip


SPECS: dict[ActionKey, ActionSpec] = {
    ActionId.NEW_PROJECT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New Project…"),
        "mdi6.file-plus-outline",
        ("Ctrl+N",),
        QT_TRANSLATE_NOOP("Actions", "Create an empty project file"),
    ),
    ActionId.OPEN_PROJECT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open Project…"),
        "mdi6.folder-open-outline",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Actions", "Open another project file"),
    ),
    ActionId.IMPORT_FILES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import Articles…"),
        "mdi6.file-import-outline",
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP(
            "Actions", "Import articles: text, Markdown, web pages, Word, PDF or e-mail files"
        ),
    ),
    ActionId.IMPORT_FOLDER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import &Folder…"),
        "mdi6.folder-download-outline",
        ("Ctrl+Shift+I",),
        QT_TRANSLATE_NOOP("Actions", "Import every article in a folder and its subfolders"),
    ),
    ActionId.NEW_FROM_CLIPBOARD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New Article from &Clipboard"),
        "mdi6.clipboard-text-outline",
        ("Ctrl+Shift+V",),
        QT_TRANSLATE_NOOP("Actions", "Make an article of the copied text or web page selection"),
    ),
    ActionId.EDIT_METADATA: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Edit &Metadata…"),
        "mdi6.file-document-edit-outline",
        ("Ctrl+Shift+D",),  # D for details: Ctrl+Shift+M finds mentions
        QT_TRANSLATE_NOOP(
            "Actions", "Edit the title, outlet, URL, date, language and direction of the article"
        ),
    ),
    ActionId.DELETE_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete Article…"),
        "mdi6.file-remove-outline",
        ("Delete",),  # only while the library list has the focus (ui/library/articles.py)
        QT_TRANSLATE_NOOP(
            "Actions",
            "Remove the article with its annotations and claims (Edit → Undo brings it back)",
        ),
    ),
    ActionId.EXPORT_BRIEFING: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export &Briefing…"),
        "mdi6.file-word-outline",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP(
            "Actions", "Write a Word briefing from the annotations, claims and entities"
        ),
    ),
    ActionId.EXPORT_ANNOTATIONS_CSV: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Annotations (CSV)…"),
        "mdi6.file-delimited-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Annotations as a spreadsheet"),
    ),
    ActionId.EXPORT_CLAIMS_CSV: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Claims (CSV)…"),
        "mdi6.file-delimited-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Claims as a spreadsheet"),
    ),
    ActionId.EXPORT_JSON: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Whole Project (&JSON)…"),
        "mdi6.code-json",
        (),
        QT_TRANSLATE_NOOP("Actions", "The whole project as Hamish JSON"),
    ),
    ActionId.EXPORT_XMI: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "UIMA CAS &XMI for INCEpTION…"),
        "mdi6.folder-zip-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Entity tags and claims as UIMA CAS XMI, for INCEpTION"),
    ),
    ActionId.EXPORT_BRAT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&brat Standoff…"),
        "mdi6.folder-zip-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Tags, notes and claim links as brat standoff files"),
    ),
    ActionId.EXPORT_CONLL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "CoNLL / BIO for &NER Training…"),
        "mdi6.format-list-bulleted",
        (),
        QT_TRANSLATE_NOOP("Actions", "Entity tags word by word, to train other tools"),
    ),
    ActionId.IMPORT_XMI: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "UIMA CAS &XMI (INCEpTION)…"),
        "mdi6.folder-zip-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Articles and tags from an INCEpTION export"),
    ),
    ActionId.IMPORT_BRAT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&brat Standoff…"),
        "mdi6.folder-zip-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Articles and tags from a zip of brat .txt and .ann files"),
    ),
    ActionId.EXPORT_QDPX: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Whole Project (&REFI-QDA)…"),
        "mdi6.folder-zip-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "The whole project for QualCoder, MAXQDA or ATLAS.ti (.qdpx)"),
    ),
    ActionId.EXPORT_W3C: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Annotations (&W3C Web Annotation)…"),
        "mdi6.code-json",
        (),
        QT_TRANSLATE_NOOP("Actions", "Every annotation as W3C Web Annotation JSON-LD (.jsonld)"),
    ),
    ActionId.IMPORT_EXCHANGE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import &Project (REFI-QDA, Web Annotation)…"),
        "mdi6.folder-zip-outline",
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "Import a REFI-QDA project (.qdpx) or a Web Annotation file (.jsonld)"
        ),
    ),
    ActionId.BACKUPS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Backups…"),
        "mdi6.backup-restore",
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "The project's automatic backups: see when they were made, restore one"
        ),
    ),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "mdi6.exit-to-app",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Actions", "Quit Hamish"),
    ),
    ActionId.ZOOM_IN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        "mdi6.magnify-plus-outline",
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("Actions", "Larger text"),
    ),
    ActionId.ZOOM_OUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        "mdi6.magnify-minus-outline",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Actions", "Smaller text"),
    ),
    ActionId.ZOOM_RESET: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
        "mdi6.magnify-remove-outline",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("Actions", "Reset the text size"),
    ),
    ActionId.CHOOSE_FONT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Reader &Font…"),
        "mdi6.format-font",
        (),
        QT_TRANSLATE_NOOP("Actions", "Choose the font articles are shown in"),
    ),
    ActionId.FOCUS_FILTER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Filter &Library"),
        "mdi6.filter-outline",
        ("Ctrl+L",),
        QT_TRANSLATE_NOOP("Actions", "Filter the list of articles"),
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Find in Article…"),
        "mdi6.text-search",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("Actions", "Find words in the open article"),
    ),
    ActionId.SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search All Articles…"),
        "mdi6.text-box-search-outline",
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("Actions", 'Search every article: words, "phrases", prefix*, OR, NOT'),
    ),
    ActionId.NEXT_ANNOTATION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Next Annotation"),
        "mdi6.arrow-down-bold-outline",
        ("N",),
        QT_TRANSLATE_NOOP("Actions", "Go to the next annotation in the article"),
    ),
    ActionId.PREVIOUS_ANNOTATION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Previous Annotation"),
        "mdi6.arrow-up-bold-outline",
        ("P",),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous annotation in the article"),
    ),
    ActionId.EDIT_NOTE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Edit &Note…"),
        "mdi6.note-edit-outline",
        ("F2",),
        QT_TRANSLATE_NOOP("Actions", "Write a note on the annotation"),
    ),
    ActionId.DELETE_ANNOTATION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete Annotation"),
        "mdi6.delete-outline",
        ("Delete",),
        QT_TRANSLATE_NOOP("Actions", "Remove the annotation"),
    ),
    ActionId.MANAGE_LABELS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Manage Labels…"),
        "mdi6.tag-multiple-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Add, rename, recolour or remove labels"),
    ),
    ActionId.SNAP_TO_WORDS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Snap Selections to Words"),
        "mdi6.format-letter-matches",
        (),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Grow selections to whole words (hold Alt while selecting to keep exact characters)",
        ),
    ),
    ActionId.LINK_ENTITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Link to Entity…"),
        "mdi6.link-variant",
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP(
            "Actions", "Link the annotation to an entity of the registry, or create one"
        ),
    ),
    ActionId.FIND_MENTIONS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Find All &Mentions…"),
        "mdi6.account-search-outline",
        ("Ctrl+Shift+M",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Find untagged mentions of the entity under the cursor, in this article or all",
        ),
    ),
    ActionId.OFFER_NAME_PARTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Offer &Name Parts as Aliases"),
        "mdi6.card-account-details-outline",
        (),
        QT_TRANSLATE_NOOP(
            "Actions",
            "When a new person is tagged, offer the parts of the name (جون كيري → كيري) as "
            "aliases to confirm",
        ),
    ),
    ActionId.RETRAIN_AFTER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Retrain Suggestions &After…"),
        "mdi6.school-outline",
        (),
        QT_TRANSLATE_NOOP(
            "Actions",
            "How many new entity tags and decisions make the suggestions learn again",
        ),
    ),
    ActionId.REVIEW_NAME_PARTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Review Name &Parts"),
        "mdi6.account-edit-outline",
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Go to the name parts offered as aliases: Space ticks, Enter adds, Esc dismisses",
        ),
    ),
    ActionId.SHOW_SUGGESTIONS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Show &Suggestions"),
        "mdi6.lightbulb-on-outline",
        (),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Suggest names after titles, known aliases and claim sentences (dashed underline)",
        ),
    ),
    ActionId.ACCEPT_SUGGESTION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Accept Suggestion"),
        "mdi6.check",
        ("Return",),
        QT_TRANSLATE_NOOP("Actions", "Tag the suggestion under the cursor"),
    ),
    ActionId.NEXT_SUGGESTION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Next Su&ggestion"),
        "mdi6.lightbulb-outline",
        ("Ctrl+]",),
        QT_TRANSLATE_NOOP("Actions", "Go to the next suggestion"),
    ),
    ActionId.SHOW_REVIEW: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Review Queue"),
        "mdi6.format-list-checks",
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP(
            "Actions", "Every pending suggestion of the project, to accept or reject in bulk"
        ),
    ),
    ActionId.SUGGESTION_LEGEND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Suggestion &Legend"),
        "mdi6.help-circle-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "What the dashed lines of suggestions and their scores mean"),
    ),
    ActionId.SHOW_ENTITIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Entities"),
        "mdi6.account-group-outline",
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Show the entity registry"),
    ),
    ActionId.SHOW_CLAIMS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Claims Table"),
        "mdi6.table-large",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("Actions", "Show every claim in the project"),
    ),
    ActionId.SHOW_NETWORK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Entity &Network"),
        "mdi6.graph-outline",
        ("Ctrl+Shift+G",),
        QT_TRANSLATE_NOOP("Actions", "Who appears with whom: the entities as a network"),
    ),
    # The claim timeline (issue 16)
    ActionId.SHOW_TIMELINE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Claim &Timeline"),
        "mdi6.chart-timeline-variant",
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP(
            "Actions", "Claims against time, one lane per claimant, with their links"
        ),
    ),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About Hamish"), "mdi6.information-outline", (), ""
    ),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        "mdi6.keyboard-outline",
        ("F1",),
        QT_TRANSLATE_NOOP("Actions", "Every key of the window, searchable"),
    ),
    ActionId.GETTING_STARTED: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Getting Started"),
        "mdi6.school-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Show the short guide to tagging an article"),
    ),
    ActionId.SET_AUTHOR: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Your &Name…"),
        "mdi6.account-edit-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "The name recorded on your annotations and briefings"),
    ),
    ActionId.CLEAR_RECENT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Clear Menu"),
        "mdi6.playlist-remove",
        (),
        QT_TRANSLATE_NOOP("Actions", "Forget the recently opened projects"),
    ),
    ActionId.THEME_SYSTEM: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&System"),
        "mdi6.theme-light-dark",
        (),
        QT_TRANSLATE_NOOP("Actions", "Light or dark as the desktop is"),
    ),
    ActionId.THEME_LIGHT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Light"),
        "mdi6.white-balance-sunny",
        (),
        QT_TRANSLATE_NOOP("Actions", "Dark text on a light background"),
    ),
    ActionId.THEME_DARK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Dark"),
        "mdi6.weather-night",
        (),
        QT_TRANSLATE_NOOP("Actions", "Light text on a dark background"),
    ),
    # Side by side (issue 16): ui/reader/beside.py
    ActionId.SIDE_BY_SIDE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Side &by Side"),
        "mdi6.view-split-vertical",
        ("Ctrl+Shift+B",),
        QT_TRANSLATE_NOOP("Actions", "A second reading pane beside the first, to compare"),
    ),
    ActionId.OPEN_BESIDE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Open &Beside"),
        "mdi6.book-open-page-variant-outline",
        (),
        QT_TRANSLATE_NOOP("Actions", "Open the article in a second pane beside the first"),
    ),
    ActionId.SYNC_SCROLL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Scroll &Together"),
        "mdi6.swap-vertical",
        (),
        QT_TRANSLATE_NOOP("Actions", "Scroll the two panes together"),
    ),
    ActionId.EXPORT_FIGURE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Figure…"),
        "mdi6.chart-timeline-variant",
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "Write the entity network or the claim timeline as a PNG or SVG file"
        ),
    ),
}


# Actions on the toolbar get their icon before the first paint; the others (menus only) get
# theirs just after it: loading icons is a tenth of start-up time.
TOGGLES = frozenset(
    {
        ActionId.SHOW_SUGGESTIONS,
        ActionId.OFFER_NAME_PARTS,
        ActionId.SNAP_TO_WORDS,
        ActionId.SIDE_BY_SIDE,
        ActionId.SYNC_SCROLL,
        ActionId.THEME_SYSTEM,
        ActionId.THEME_LIGHT,
        ActionId.THEME_DARK,
    }
)
"""Actions that are on or off. Checkable from the start, and shown in a menu by their check
box, not their icon: a menu draws an icon in the check mark's place, so whether Show
Suggestions, Scroll Together or a theme was on could not be seen (found by a trial). A
tool button shows its checked state by itself."""

TOOLBAR = frozenset(
    {
        ActionId.OPEN_PROJECT,
        ActionId.IMPORT_FILES,
        ActionId.ZOOM_OUT,
        ActionId.ZOOM_IN,
        ActionId.FIND,
        ActionId.CHOOSE_FONT,
        ActionId.MANAGE_LABELS,
    }
)


# Actions that change the project: turned off while a read-only project is open (the store
# refuses every write anyway; this says so before the analyst tries).
EDITING = frozenset(
    {
        ActionId.IMPORT_FILES,
        ActionId.IMPORT_FOLDER,
        ActionId.IMPORT_XMI,
        ActionId.IMPORT_BRAT,
        ActionId.NEW_FROM_CLIPBOARD,
        ActionId.EDIT_METADATA,
        ActionId.DELETE_ARTICLE,
        ActionId.EDIT_NOTE,
        ActionId.DELETE_ANNOTATION,
        ActionId.MANAGE_LABELS,
        ActionId.LINK_ENTITY,
        ActionId.FIND_MENTIONS,
        ActionId.ACCEPT_SUGGESTION,
        ActionId.NEXT_SUGGESTION,
    }
)


class ActionRegistry:
    """Creates each QAction once, parented to the window so shortcuts work everywhere in it."""

    def __init__(
        self, parent: QObject, *, defer_icons: bool = False, defer_shortcuts: bool = False
    ) -> None:
        """``defer_icons``: the menu-only actions get their icons in ``load_icons``;
        ``defer_shortcuts``: every action gets its keys in ``load_shortcuts`` (both after the
        first paint, which shows neither a menu nor a tooltip)."""
        self._actions: dict[ActionKey, QAction] = {}
        self._pending: list[ActionKey] = []
        self.icon_color: str | None = None  # None: the toolbar grey (a light one when dark)
        self.shortcuts_loaded = False
        rtl = QGuiApplication.isRightToLeft()
        self._rtl = rtl
        for action_id, spec in SPECS.items():
            text = QCoreApplication.translate("Actions", spec.text)
            status_tip = QCoreApplication.translate("Actions", spec.tip) if spec.tip else ""
            if defer_icons and action_id not in TOOLBAR:
                action = QAction(text, parent)
                self._pending.append(action_id)
            else:
                action = QAction(icon(spec.icon), text, parent)
            if rtl and spec.shortcuts:
                # Buttons show the text without the key that load_shortcuts adds to it.
                action.setIconText(_without_mnemonic(text))
            if action_id in TOGGLES:
                action.setCheckable(True)
                action.setIconVisibleInMenu(False)
            action.setToolTip(status_tip or _without_mnemonic(text).rstrip("…"))
            action.setStatusTip(status_tip)
            action.setObjectName(action_id)
            self._actions[action_id] = action
        if not defer_shortcuts:
            self.load_shortcuts()

    def load_shortcuts(self) -> None:
        """Give every action its keys, in its tooltip too (see ``defer_shortcuts``); once."""
        if self.shortcuts_loaded:
            return
        self.shortcuts_loaded = True
        from PySide6.QtGui import QKeySequence

        native = QKeySequence.SequenceFormat.NativeText
        for action_id, spec in SPECS.items():
            if not spec.shortcuts:
                continue
            action = self._actions[action_id]
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            key = QKeySequence(spec.shortcuts[0]).toString(native)
            # Isolated left to right: in a right-to-left sentence "Ctrl+=" would be laid out
            # "=+Ctrl" (its trailing symbols take the sentence's direction).
            action.setToolTip(f"{action.toolTip()} ({LRI}{key}{PDI})")
            if self._rtl:
                # A menu shows what follows a tab in the text as the shortcut, instead of the
                # key sequence's own (unisolated) text; buttons show the text before.
                text = QCoreApplication.translate("Actions", spec.text)
                action.setText(f"{text}\t{LRI}{key}{PDI}")

    def load_icons(self) -> None:
        """Give the menu-only actions their icons (see ``defer_icons``)."""
        for action_id in self._pending:
            self._actions[action_id].setIcon(icon(SPECS[action_id].icon, self.icon_color))
        self._pending = []

    def set_icon_color(self, color: str | None) -> None:
        """Redraw the icons in ``color`` (the dark theme's light grey), or the default grey."""
        if color == self.icon_color:
            return
        self.icon_color = color
        for action_id, action in self._actions.items():
            if action_id not in self._pending:
                action.setIcon(icon(SPECS[action_id].icon, color))

    def __getitem__(self, action_id: ActionKey) -> QAction:
        return self._actions[action_id]

    def all(self) -> list[QAction]:
        return list(self._actions.values())


def _without_mnemonic(text: str) -> str:
    """ "&Open" → "Open"; Arabic texts may carry the mnemonic in brackets: "فتح (&O)" → "فتح"."""
    import re

    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "")
