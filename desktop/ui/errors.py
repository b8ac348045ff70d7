"""The lower layers' messages in the interface language.

``desktop/core``, ``store``, ``io`` and ``ops`` stay Qt-free, so they raise (and report) their
messages in English, often with a file name, a number or a title inside (``f"There is no
document {document_id} in this project."``). ``TEMPLATES`` holds each of those messages as a
template with named placeholders where the f-string has its holes; ``translated`` matches a
message (or each sentence of several joined by spaces) against them and returns the Arabic
template filled with the values it captured. A message it does not know is returned as it is.

Placeholders: ``{detail}`` is itself a message (translated in turn when known), ``{details}``
several joined by "; ", ``{kind}`` one of the file descriptions below, anything else a value
shown as it is: numbers plain, names, paths and titles isolated (``isolate``) so they keep
their own direction inside Arabic.

``tests/test_error_messages.py`` reads every message of the lower layers from their source and
fails when one has no template here (and so no Arabic in ``hamish_ar.ts``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject

from desktop.ui.i18n import QT_TRANSLATE_NOOP, current_language
from desktop.ui.widgets.bidi import isolate, isolate_path

CONTEXT: Final = "Errors"

TEMPLATES: Final = (
    # --- editing (ops, store) ------------------------------------------------------------
    QT_TRANSLATE_NOOP("Errors", "The title cannot be empty."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Hamish cannot make its default project in {path}: {reason}. Open a project of your own "
        "(hamish --project PATH).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The URL must be a full address such as https://example.com/article."
    ),
    QT_TRANSLATE_NOOP("Errors", "The date must be a real date written YYYY-MM-DD, or empty."),
    QT_TRANSLATE_NOOP("Errors", "The language must be a code such as ar, en or und."),
    QT_TRANSLATE_NOOP("Errors", "The direction must be right-to-left or left-to-right."),
    QT_TRANSLATE_NOOP("Errors", "A link is supports, contradicts or repeats."),
    QT_TRANSLATE_NOOP("Errors", "A claim cannot be linked to itself."),
    QT_TRANSLATE_NOOP("Errors", "These claims are already linked that way."),
    QT_TRANSLATE_NOOP("Errors", "An annotation must cover at least one character."),
    QT_TRANSLATE_NOOP("Errors", "Choose another label to move the annotations to."),
    QT_TRANSLATE_NOOP("Errors", "An entity needs a name."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This entity still has mentions or claims: merge it into another, or delete its "
        "mentions first.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "An entity's name cannot be only invisible characters (spaces, direction marks, joiners).",
    ),
    QT_TRANSLATE_NOOP("Errors", "Choose two different entities to merge."),
    QT_TRANSLATE_NOOP("Errors", "A filter needs a label, an entity or a claim status."),
    QT_TRANSLATE_NOOP("Errors", "A label needs a name."),
    # A value the JSON importer would refuse (core/values.py), refused by the edit too.
    QT_TRANSLATE_NOOP("Errors", "The claim's date {detail}."),
    QT_TRANSLATE_NOOP("Errors", "The claim's date must be written YYYY-MM-DD, YYYY-MM or YYYY."),
    QT_TRANSLATE_NOOP("Errors", "The claim's summary {detail}."),
    QT_TRANSLATE_NOOP("Errors", "The entity's name {detail}."),
    QT_TRANSLATE_NOOP("Errors", "The entity's description {detail}."),
    QT_TRANSLATE_NOOP("Errors", "The entity's notes {detail}."),
    QT_TRANSLATE_NOOP("Errors", "An alias {detail}."),
    QT_TRANSLATE_NOOP("Errors", "The label's name {detail}."),
    QT_TRANSLATE_NOOP("Errors", "The label's colour {detail}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The entity for “{quote}” was merged into another or deleted meanwhile; nothing was "
        "tagged. Tag it again.",
    ),
    QT_TRANSLATE_NOOP("Errors", "The selection is outside the article."),
    QT_TRANSLATE_NOOP("Errors", "Select a passage first, then choose a label."),
    QT_TRANSLATE_NOOP("Errors", "The selection holds only white space; select some words."),
    QT_TRANSLATE_NOOP("Errors", "The article no longer exists in this project."),
    QT_TRANSLATE_NOOP("Errors", "Stance must be asserts or denies."),
    QT_TRANSLATE_NOOP("Errors", "Status must be unverified, corroborated, contested or refuted."),
    QT_TRANSLATE_NOOP("Errors", "Source reliability is a letter A–F."),
    QT_TRANSLATE_NOOP("Errors", "Credibility is a number 1–6."),
    QT_TRANSLATE_NOOP("Errors", "Unknown entity type {value}."),
    QT_TRANSLATE_NOOP("Errors", "The same text is already in the project (document {id})."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "“{title}” cannot be brought back: an article with the same text was imported after "
        "it was deleted.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This import is too large to be undone as one step; delete its articles in the "
        "library to remove them.",
    ),
    # --- ids that do not exist -------------------------------------------------------------
    QT_TRANSLATE_NOOP("Errors", "There is no document {id} in this project."),
    QT_TRANSLATE_NOOP("Errors", "There is no annotation {id} in this project."),
    QT_TRANSLATE_NOOP("Errors", "There is no claim {id} in this project."),
    QT_TRANSLATE_NOOP("Errors", "There is no claim link {id}."),
    QT_TRANSLATE_NOOP("Errors", "There is no entity {id} in this project."),
    QT_TRANSLATE_NOOP("Errors", "There is no label {id} in this project."),
    QT_TRANSLATE_NOOP(
        "Errors", "There is no document {ids} in this project; nothing was exported."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "There is no documents {ids} in this project; nothing was exported."
    ),
    # --- search ---------------------------------------------------------------------------
    QT_TRANSLATE_NOOP(
        "Errors", 'A quotation mark is not closed: put a " after the phrase, or remove it.'
    ),
    QT_TRANSLATE_NOOP("Errors", "A closing parenthesis has no opening one: remove the extra ')'."),
    QT_TRANSLATE_NOOP("Errors", "{word} must be followed by a word, a phrase or a parenthesis."),
    QT_TRANSLATE_NOOP("Errors", "{word} cannot be followed by {next}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "NOT needs a word before it: write what to find, then NOT and what to leave out "
        "(كيري NOT لافروف).",
    ),
    QT_TRANSLATE_NOOP("Errors", "{word} needs a word on each side."),
    QT_TRANSLATE_NOOP("Errors", "Empty parentheses, or a ')' without '(': put words inside them."),
    QT_TRANSLATE_NOOP("Errors", "Empty parentheses: put words inside them, or remove them."),
    QT_TRANSLATE_NOOP("Errors", "The search is too long: keep it under 2,000 characters."),
    QT_TRANSLATE_NOOP("Errors", "A parenthesis is not closed: add the missing ')'."),
    QT_TRANSLATE_NOOP("Errors", "The search has no words: type a word or a phrase."),
    QT_TRANSLATE_NOOP("Errors", "Unknown claim status {value}: use one of {values}."),
    QT_TRANSLATE_NOOP("Errors", "{value} is not a date: write it as YYYY-MM-DD."),
    QT_TRANSLATE_NOOP("Errors", "The search index is damaged ({detail})."),
    QT_TRANSLATE_NOOP("Errors", "The search could not be run ({detail})."),
    # --- the project file (store/db.py) ----------------------------------------------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "The disk is full or failing; nothing from this action was saved. Free some space and "
        "try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The project file is read-only; nothing was saved. Check the file's permissions."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The project is busy in another program; nothing was saved. Try again in a moment.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The project file is damaged (SQLite says: database disk image is malformed)."
    ),
    QT_TRANSLATE_NOOP("Errors", "The project database reported an error: {detail}"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {detail}."),
    QT_TRANSLATE_NOOP("Errors", "{path} is not a Hamish project (it is not a SQLite database)."),
    QT_TRANSLATE_NOOP("Errors", "{path} cannot be opened as a Hamish project: {detail}."),
    QT_TRANSLATE_NOOP("Errors", "{path} is a SQLite database, but not a Hamish project."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} was saved by a newer version of Hamish (project format {version}; this version "
        "reads up to {latest}). Update Hamish to open it; the file was not changed.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Cannot create the project {path}: {detail}."),
    QT_TRANSLATE_NOOP("Errors", "{path} appeared while it was being created; it was left alone."),
    QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a Hamish project."),
    QT_TRANSLATE_NOOP("Errors", "There is no project at {path}."),
    QT_TRANSLATE_NOOP("Errors", "Cannot open {path}: {detail}"),
    # --- project safety: read-only projects, leftover journals, backups (issue 13) ----------
    QT_TRANSLATE_NOOP("Errors", "{path} is not a regular file, so not a Hamish project."),
    QT_TRANSLATE_NOOP(
        "Errors", "{path} is empty (0 bytes), not a Hamish project; it was left as it is."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is open read-only (its file, folder or disk cannot be written); nothing was "
        "changed.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} was saved by an older version of Hamish and must be upgraded, but it is "
        "read-only. Copy it to a folder you can write to and open the copy.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} was not closed properly and is read-only, so the edits in its journal ({name}) "
        "cannot be shown; open it where it can be written to see them.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The journal of {path} ({name}) is damaged: {count} frames of saved edits after the "
        "damage could not be recovered.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Copies of the project and its journal as they were are kept in {folder}: {name} and "
        "{wal}.",
    ),
    QT_TRANSLATE_NOOP("Errors", "No copy of the journal of {path} could be kept: {detail}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The journal left beside {path} ({name}) does not fit it — with it SQLite's check says: "
        "{detail}; without it the project is intact. It is probably the journal of another "
        "copy of the project, left when this one was put in its place. The project opened as "
        "it was saved, without it; the journal is kept in {folder} as {file}-wal.",
    ),
    QT_TRANSLATE_NOOP("Errors", "No backup of {path} could be made: {detail}."),
    QT_TRANSLATE_NOOP("Errors", "There is no backup at {path}."),
    QT_TRANSLATE_NOOP("Errors", "{path} is the project itself, not a backup of it."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is open in a Hamish window or another program; close it there, then restore "
        "the backup.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Cannot restore {path}: {detail}. The project was left as it was."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is open in another Hamish window or program; close it there first (edits made "
        "in both would undo each other).",
    ),
    # --- a project someone else made: its schema and integrity (store/shape.py) ------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is not a Hamish project as Hamish makes them ({details}); another program may "
        "have changed it. It was left as it is.",
    ),
    QT_TRANSLATE_NOOP("Errors", "its {name} table is missing"),
    QT_TRANSLATE_NOOP("Errors", "its {name} table has been replaced by a view"),
    QT_TRANSLATE_NOOP("Errors", "its {name} table is not the table Hamish makes"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} triggers or views that Hamish does not make were removed from {path}: {names}. "
        "They could have changed or deleted its data as it was edited.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} of Hamish's own triggers or indexes in {path} were missing or altered and were "
        "made again: {names}.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} holds {count} triggers or views that Hamish does not make ({names}); the project "
        "is read-only, so they were left in place, and they do not run while it is only read.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is damaged (SQLite's check says: {detail}). Restore a backup (File → Backups, or "
        "hamish backups restore) before editing it further.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is damaged (SQLite's check says: {detail}); nothing was changed. Restore a "
        "backup (File → Backups, or hamish backups restore).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} cannot be read ({detail}); it was not restored and the project was "
        "left as it was.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} is damaged (SQLite's integrity check says: {detail}); it was not "
        "restored and the project was left as it was.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} is not a Hamish project as Hamish makes them ({details}); it was not "
        "restored and the project was left as it was.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} holds triggers, views or indexes that Hamish did not make there "
        "({names}); another program may have changed it, so it was not restored and the "
        "project was left as it was.",
    ),
    # --- reading files (io/batch.py, io/importers) ----------------------------------------
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is {size} MB; articles larger than {limit} MB are not imported."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} cannot be read: permission denied."),
    QT_TRANSLATE_NOOP("Errors", "{name} cannot be read: {detail}."),
    QT_TRANSLATE_NOOP("Errors", "{name} is a folder, not a file."),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a regular file (a device, pipe or socket)."),
    QT_TRANSLATE_NOOP("Errors", "{name} does not exist."),
    QT_TRANSLATE_NOOP("Errors", "{name} is empty."),
    QT_TRANSLATE_NOOP("Errors", "{name} contains only white space."),
    QT_TRANSLATE_NOOP("Errors", "{name} contains no text."),
    QT_TRANSLATE_NOOP("Errors", "{name} is nested too deeply to be read."),
    QT_TRANSLATE_NOOP("Errors", "{name} could not be read ({error}: {detail})."),
    QT_TRANSLATE_NOOP("Errors", "{name} is named like a web page but is {kind}."),
    QT_TRANSLATE_NOOP("Errors", "{name} is {kind}, which Hamish does not import."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds JSON, not an article's text; Hamish reads a JSON file (its own export, "
        "Web Annotations) by its name: save it as a .json file and import that.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds XML, not an article's text; save it with the extension of its format "
        "(.xmi for UIMA CAS XMI, .html for a web page) and import it again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: old binary Word documents (.doc) are not imported; save it as .docx.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name}: RTF is not imported; save it as .docx or plain text."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: annotation files (.xmi, .qdpx, .jsonld) are imported on their own: name the "
        "file, or use File ▸ Import Annotations.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: brat annotations (.ann) are imported with their folder: name the folder that "
        "holds them, or use File ▸ Import Annotations.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is a brat folder (texts with .ann annotations): import it on its own to keep its "
        "annotations — name the folder, or use File ▸ Import Annotations.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name}: OpenDocument text is not imported; save it as .docx."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: Hamish JSON exports are imported on their own (hamish import FILE.json).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name}: web archives (.mht) are not imported; save the page as HTML."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name}: web archives (.mhtml) are not imported; save the page as HTML."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name}: Outlook .msg files are not imported; save the message as .eml."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name}: Hamish does not import files without an extension."),
    QT_TRANSLATE_NOOP("Errors", "{name}: Hamish does not import {suffix} files."),
    QT_TRANSLATE_NOOP("Errors", "{name} has an HTML body with no article text in it."),
    QT_TRANSLATE_NOOP("Errors", "{name} has no text body (only attachments, or nothing at all)."),
    QT_TRANSLATE_NOOP("Errors", "{name} is not an e-mail message (it has no headers)."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} starts with a {codec} byte-order mark but is not valid {codec2} ({where}).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} starts with a {codec} byte-order mark, but its text is not {codec2}, and it does "
        "not read as UTF-8, Windows-1256 or ISO-8859-6 either. Save it as UTF-8 and import it "
        "again.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is a binary file, not text."),
    QT_TRANSLATE_NOOP("Errors", "{name} holds byte-order marks over and over, not text."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not UTF-8 text ({where}), and it does not read as Arabic Windows-1256 or "
        "ISO-8859-6 either. Save it as UTF-8 and import it again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds no article text that Hamish can find (it may be an index page, a page "
        "that builds its text with JavaScript, or an empty page).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} nests its elements more than 256 deep (unclosed tags pile up so in some old "
        "pages) and its text lies past that depth, where Hamish stops reading. Nothing was "
        "imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds an attribute, script, comment or run of text of more than 10 MB before "
        "any article text, where Hamish stops reading. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is protected by a password; open it, save an unprotected copy and import that.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is encrypted in a way Hamish cannot read."),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a valid PDF (it is damaged: {error})."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} has no text layer (it is probably a scan or made of images); Hamish cannot "
        "read text from images.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} cannot be read reliably: its fonts do not say which letters {unmapped} of its "
        "{total} characters are. Export it again from the original program, or copy the text "
        "from a PDF viewer.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a PDF document (it does not start with %PDF)."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not UTF-8 text (invalid byte 0x{byte} on line {line}). Save it as UTF-8 "
        "and import it again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is a binary file ({kind}), not text. Rename it with the right extension and "
        "import it again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is an old binary Word document (.doc); save it as .docx and import it again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a valid Word document (it is damaged or not a .docx file)."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a valid Word document (it is damaged: {error})."),
    # --- bounded imports (io/importers/limits.py, pdf.py, word.py, io/worker.py) --------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds {count} characters of text; Hamish imports articles of up to {limit} "
        "characters.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds more than {limit} characters of text; Hamish imports articles of up to "
        "{limit} characters.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} unpacks to more than {limit} MB; Word documents larger than {limit} MB "
        "unpacked are not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} unpacks to more than {limit} MB; PDFs larger than {limit} MB unpacked are not "
        "imported.",
    ),
    # --- text hygiene: what an import changed in an article (core/text.py, encoding.py) ---
    QT_TRANSLATE_NOOP(
        "Errors", "1 control character (such as NUL or ESC) was removed from the text."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{count} control characters (such as NUL or ESC) were removed from the text."
    ),
    QT_TRANSLATE_NOOP("Errors", "1 byte that is not UTF-8 was replaced with � (on line {line})."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} bytes that are not UTF-8 were replaced with � (the first on line {line}).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The file began with a {mark} byte-order mark, but its text is {encoding}; the mark "
        "was left out.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        'The message\'s date "{date}" was left out: it is not a real date from 1900 to 2200.',
    ),
    # A Markdown file's header (io/importers/text.py)
    QT_TRANSLATE_NOOP(
        "Errors",
        'The Markdown header\'s date "{date}" was left out: it is not a real date from 1900 '
        "to 2200.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        'The Markdown header\'s address "{address}" was left out: it is not a web address '
        "(http:// or https://).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The Markdown header's other fields, left out of the text: {fields}."
    ),
    # A dateline without its year (io/importers/text.py)
    QT_TRANSLATE_NOOP(
        "Errors",
        'The dateline "{dateline}" gives no year, so the article was left undated; give it '
        "its date with Edit Metadata.",
    ),
    # Symbolic links inside an imported folder (io/batch.py)
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a link to {target}, outside the folder being imported; links out of a "
        "folder are not followed.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{path} is a link that cannot be followed (it loops); it was left out."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds more than {limit} MB of markup (pictures in the page not counted); Hamish "
        "imports web pages of up to {limit} MB.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} has more than {most} elements in its markup; Hamish imports web pages of up to "
        "{most} elements.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} has more than {limit} pages; Hamish imports PDFs of up to {limit} pages. Save "
        "the pages you need as a new PDF and import that.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Page {page} of {name} draws more than {limit} letters; Hamish imports PDFs of up to "
        "{limit} letters a page.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} was not imported: reading it stopped because it would need more than {limit} "
        "MB of memory.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} was not imported: reading it took longer than {seconds} s, the limit for one file.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} was not imported: the reader stopped unexpectedly ({how}); it may need more "
        "than {limit} MB of memory.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} could not be read (the reader's answer was malformed)."),
    # --- Hamish JSON (io/importers/json_import.py, store/transfer.py) -----------------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is {size} MB; Hamish imports JSON files of up to {limit} MB. Export fewer "
        "documents at a time (hamish export --document ID ...) and import the parts.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} cannot be imported: {detail}. Nothing was imported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} cannot be imported ({count} problems): {details}. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a Hamish export (it holds {what}, not an object)."),
    QT_TRANSLATE_NOOP(
        "Errors", '{name} is not a Hamish export ({what}; expected "format": "{format}").'
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        '{name} has no valid format "version" (a whole number from 1); nothing was imported.',
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} was written by a newer version of Hamish (export format version {version}; "
        "this version reads up to {latest}). Update Hamish to import it; nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", '{name} cannot be imported: required field "documents" is missing.'
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not valid JSON: {detail} at line {line}, column {column}. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} is not valid JSON: {detail}. Nothing was imported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds JSON nested too deeply to be read: arrays or objects inside each other "
        "hundreds of levels deep, where Hamish's files nest a few. Nothing was imported.",
    ),
    # The problems such a file has, several joined by "; " (json_import.py's _Checker).
    QT_TRANSLATE_NOOP("Errors", "{table}[{index}] must be an object, not {what}"),
    QT_TRANSLATE_NOOP("Errors", '{record}: required field "{field}" is missing'),
    QT_TRANSLATE_NOOP("Errors", '{record}: "{field}" {detail}'),
    QT_TRANSLATE_NOOP("Errors", "must be {what}, not null"),
    QT_TRANSLATE_NOOP("Errors", "must be {what}, not {other}"),
    QT_TRANSLATE_NOOP("Errors", "is too large ({value})"),
    QT_TRANSLATE_NOOP("Errors", "contains an invalid character (an unpaired UTF-16 surrogate)"),
    QT_TRANSLATE_NOOP("Errors", "must be one of {values}, not {value}"),
    QT_TRANSLATE_NOOP("Errors", "two {table} have the same {values}"),
    QT_TRANSLATE_NOOP("Errors", "{record} refers to {table} {id}, which is not in the file"),
    QT_TRANSLATE_NOOP(
        "Errors", "{record} must cover at least one character (start {start}, end {end})"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{record} covers characters {start}–{end}, outside document {id}, which has {count} "
        "characters (offsets count code points)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        '{record}: its quote "{quote}" does not match the text of document {id} at '
        '{start}–{end}, which is "{text}" (offsets count code points)',
    ),
    QT_TRANSLATE_NOOP("Errors", "{record} links a claim to itself"),
    # Every rule of docs/json-format.md (json_import.py), and where in the file it is broken.
    QT_TRANSLATE_NOOP("Errors", "{detail} (at {path})"),
    QT_TRANSLATE_NOOP(
        "Errors", "contains a control character ({code}); only tab and newline are allowed"
    ),
    QT_TRANSLATE_NOOP("Errors", "must be one line, without line breaks"),
    QT_TRANSLATE_NOOP("Errors", "must be one line, without tabs"),
    QT_TRANSLATE_NOOP(
        "Errors", "contains a bidi control character ({code}), which could reorder what is shown"
    ),
    QT_TRANSLATE_NOOP("Errors", "cannot be empty"),
    QT_TRANSLATE_NOOP("Errors", "contains a line break {code}; lines end with \\n (U+000A) only"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "must be a UTC time with seconds such as 2024-05-02T09:00:00+00:00, not {value}",
    ),
    QT_TRANSLATE_NOOP("Errors", "must be a real date written YYYY-MM-DD, not {value}"),
    QT_TRANSLATE_NOOP(
        "Errors", "must be a real date written YYYY-MM-DD, YYYY-MM or YYYY, not {value}"
    ),
    QT_TRANSLATE_NOOP("Errors", "must be a colour written #rrggbb, not {value}"),
    QT_TRANSLATE_NOOP(
        "Errors", "must be empty or a web address starting with http:// or https://, not {value}"
    ),
    QT_TRANSLATE_NOOP("Errors", "must be an icon name such as mdi6.account, or empty, not {value}"),
    QT_TRANSLATE_NOOP("Errors", "must be one digit, or empty, not {value}"),
    QT_TRANSLATE_NOOP("Errors", "must be a language code such as ar, en or und, not {value}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "must be a SHA-256 written as 64 lower-case hexadecimal digits, not {value}",
    ),
    QT_TRANSLATE_NOOP("Errors", "is longer than {limit} characters ({count})"),
    QT_TRANSLATE_NOOP("Errors", "must be {minimum} or more, not {value}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        '{record}: "char_count" is {value}, but its text has {count} characters (offsets count '
        "code points)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{record} is on annotation {id}, whose label {key} is of kind {kind}, not claim"
    ),
    QT_TRANSLATE_NOOP("Errors", 'must be "project" or "documents", not {value}'),
    QT_TRANSLATE_NOOP("Errors", "and {count} more"),
    QT_TRANSLATE_NOOP("Errors", '"{table}" must be a list; nothing was imported.'),
    QT_TRANSLATE_NOOP(
        "Errors", "{record} breaks a rule of the project ({detail}); nothing was imported."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{record} refers to {table} {id}, which is not in the file; nothing was imported.",
    ),
    # --- exports (io/exporters, store/transfer.py) -----------------------------------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "{table}.{column} holds binary data, which an export cannot carry; nothing was exported.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{path} is a folder; give a file name to export to."),
    QT_TRANSLATE_NOOP("Errors", "The folder {path} does not exist; nothing was exported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Cannot write {path}: {detail}. Nothing was exported; the existing file was left as "
        "it was.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {detail}. Nothing was exported."),
    QT_TRANSLATE_NOOP("Errors", "Unknown CSV export {value}: choose annotations or claims."),
    QT_TRANSLATE_NOOP("Errors", "{path} is the project itself; choose another file to export to."),
    QT_TRANSLATE_NOOP("Errors", "Choose at least one article for the report."),
    QT_TRANSLATE_NOOP("Errors", "Choose a label, an entity or a claim status for the filter."),
    QT_TRANSLATE_NOOP("Errors", "The export was cancelled; no file was written."),
    # --- where an export may write (io/exporters/files.py) ---------------------------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} already exists; nothing was exported. Choose another name, or allow replacing it.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Cannot check {path}: {detail}. Nothing was exported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a working file of the project's database; choose another file to export to.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a working file of the SQLite database {name}; exporting to it would damage "
        "that database. Choose another file.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{path} is a device, not a file; nothing was exported."),
    QT_TRANSLATE_NOOP("Errors", "{path} is a named pipe, not a file; nothing was exported."),
    QT_TRANSLATE_NOOP("Errors", "{path} is a socket, not a file; nothing was exported."),
    QT_TRANSLATE_NOOP("Errors", "{path} is not a regular file; nothing was exported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a Hamish project; exporting to it would destroy it. Choose another file.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a SQLite database; exporting to it would destroy it. Choose another file.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is the log of a SQLite database; exporting to it would damage that database. "
        "Choose another file.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is read-only; nothing was exported. Choose another file, or make it writable "
        "first.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{path} is a link to {target}, which does not exist; nothing was exported."
    ),
    QT_TRANSLATE_NOOP("Errors", "{path} is a link that cannot be followed; nothing was exported."),
    QT_TRANSLATE_NOOP("Errors", "{path} is not a folder; nothing was exported."),
    QT_TRANSLATE_NOOP(
        "Errors", "{path} is named like a temporary file of Hamish; choose another name."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The folder {path} cannot be written (it is read-only, or you may not write there); "
        "nothing was exported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{path} changed while it was being exported; nothing was exported."
    ),
    # --- exchange formats: REFI-QDA and W3C Web Annotation (io/exchange/qdpx.py, w3c.py) ---
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not a REFI-QDA project: it has no project.qde. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not a REFI-QDA project: project.qde holds {tag}, not a Project. Nothing was "
        "imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds no text source Hamish can import; nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds {count} files; Hamish reads REFI-QDA projects of up to {limit}. Nothing "
        "was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: {member} is encrypted; Hamish cannot read it. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: {member} is compressed with a method Hamish does not read (only stored and "
        "deflated files are). Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: project.qde declares a document type or entities ({reason}), which Hamish "
        "refuses: they can expand without end or read files of this computer. Nothing was "
        "imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: project.qde is not well-formed XML ({reason}). Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not a REFI-QDA project (.qdpx): it is not a readable zip archive ({reason}). "
        "Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds a file named {member}, a path that leads out of the project; the file is "
        "refused. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} lists the file {member} twice; the file is refused. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} unpacks to more than Hamish reads from a REFI-QDA project ({limit} MB for one "
        "file, {total} MB in all); it may be a zip bomb. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: {member} is damaged ({reason}). Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is {size} MB; Hamish imports REFI-QDA projects of up to {limit} MB.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not a Web Annotation file (an AnnotationCollection, an AnnotationPage or "
        "annotations). Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds {count} annotations; Hamish imports up to {limit} at a time. Nothing was "
        "imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} holds no article texts, so its annotations cannot be anchored; nothing was "
        'imported. (Hamish reads the texts a Hamish export carries in "hamish:documents".)',
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is {size} MB; Hamish imports Web Annotation files of up to {limit} MB.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} PDF sources were not imported (Hamish imports their text only from text sources).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} picture sources were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} audio sources were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} video sources were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} sources whose text is outside the project file were not imported (Hamish never "
        "reads other files named in an imported one).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} sources whose text is missing from the file were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} sources whose text is not UTF-8 were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} sources without text were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} sources longer than Hamish imports were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} selections without valid positions were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} selections outside their source's text were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} selections without a code or a note were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} codings of codes missing from the codebook were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} codings of whole sources were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} references to missing notes were ignored.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} variable values of sources were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} variables were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} cases were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} sets were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} links were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} graphs were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations whose quote is not in the text were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations on texts that are not in the file were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations without a tag, an entity or a comment were not imported.",
    ),
    # --- what an exchange import left out, said (attack 10: tests/io/test_exchange_said.py) --
    QT_TRANSLATE_NOOP(
        "Errors", "{n} tags without a place in the text (no selector) were not imported."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        '{name}: its AnnotationCollection holds no page of annotations ("first" is not an '
        "AnnotationPage written in the file); nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: two articles have the id {id}, which must be unique; nothing was imported.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{n} selections that cover no text were not imported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} items that are not annotations of a text were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) "
        "disagree were placed where the quote is.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations whose position (TextPositionSelector) is outside the text were placed "
        "by their quote (TextQuoteSelector).",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations placed only by a position (TextPositionSelector) that is not within "
        "their article's text were not imported: the first runs from {start} to {end} in an "
        "article of {length} characters.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} annotations that lost their place in the text were left out.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} decisions on suggestions were left out (REFI-QDA has no place for them).",
    ),
    QT_TRANSLATE_NOOP("Errors", "A name longer than {limit} characters was cut to {limit}."),
    QT_TRANSLATE_NOOP("Errors", "{name} holds only Markdown marks, no text."),
    QT_TRANSLATE_NOOP("Errors", "{n} names longer than {limit} characters were cut to {limit}."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} decisions on suggestions were left out (the Web Annotation model has no place for "
        "them).",
    ),
    # --- found by fuzzing (issue 13: tests/fuzz/, benchmarks/soak.py) ----------------------
    QT_TRANSLATE_NOOP(
        "Errors",
        "The text holds nothing but control characters (such as NUL or ESC) and white space; "
        "there is nothing to import.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The text holds no words: only marks such as harakat or tatweel, or invisible "
        "characters (zero-width or direction marks); there is nothing to import.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The text holds more than {limit} characters without a space or a line break (from "
        "character {count}): that is no prose, and Hamish cannot lay such a run out in the "
        "reader. Nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The search nests parentheses too deeply: use at most {count} levels."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The search has {count} different words or phrases: use at most {limit}."
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "1 character that is not valid Unicode (half of a UTF-16 pair) was replaced with �.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} characters that are not valid Unicode (halves of UTF-16 pairs) were replaced "
        "with �.",
    ),
    # --- hostile exchange files (io/exchange, issue 17: tests/io/test_exchange_hostile.py) ---
    QT_TRANSLATE_NOOP(
        "Errors",
        "{n} claim assessments on tags whose label is not a claim label were not imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: two codes of the codebook have the GUID {guid}, which must be unique; nothing "
        "was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: a tag starts or ends at UTF-16 offset {offset}, between the two halves of one "
        "character (an emoji, say); nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: its codebook nests codes more than {limit} levels deep; nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: an element has more than {limit} attributes, which no UIMA annotation has; "
        "nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} describes {count} UIMA types; Hamish reads type systems of at most {limit}. "
        "Nothing was imported.",
    ),
    # --- exchange formats: UIMA CAS XMI, brat, CoNLL (io/exchange, issue 17) ----------------
    QT_TRANSLATE_NOOP("Errors", "{name} holds no article to import; nothing was imported."),
    QT_TRANSLATE_NOOP("Errors", "{name} cannot be imported: its text is damaged."),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} holds more than {count} tags; Hamish imports up to {limit} at a time."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} holds more than {count} files; Hamish imports up to {limit} at a time."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} holds more than {size} MB of brat files; import it in parts."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} holds {count} files; Hamish imports archives of up to {limit}."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} unpacks to more than {size} MB; nothing was imported."),
    QT_TRANSLATE_NOOP("Errors", "{name} is not a readable zip archive ({detail})."),
    QT_TRANSLATE_NOOP("Errors", "{name} lists {member} twice; nothing was imported."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: {member} uses a compression Hamish does not read (only stored and deflate); "
        "nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The label {name} has another kind in this project; its tags were imported as {key}.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Tags labelled {name} were imported as {label} tags."),
    QT_TRANSLATE_NOOP("Errors", "Left out: {detail} ({count})."),
    QT_TRANSLATE_NOOP("Errors", "Not carried: {detail} ({count})."),
    QT_TRANSLATE_NOOP("Errors", "annotations of type {name}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} declares a document type or entities, which UIMA XMI never needs; nothing was "
        "imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} is not UTF-8 XML (invalid byte at position {position}); nothing was imported.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name} declares that it is written in {encoding}, not UTF-8: Hamish reads this XML "
        "only in UTF-8, so nothing was imported. Save it as UTF-8 and import it again.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{name}: a {type} covers {start}–{end}, outside the text of {count} characters; nothing "
        "was imported.",
    ),
    QT_TRANSLATE_NOOP("Errors", "{name} holds no .xmi file; nothing was imported."),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a UIMA type system file that Hamish can read ({detail})."
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a UIMA CAS XMI file that Hamish can read ({detail})."
    ),
    QT_TRANSLATE_NOOP("Errors", "{name}, line {number}: {detail}; nothing was imported."),
    QT_TRANSLATE_NOOP("Errors", "the offsets {value} are not whole numbers"),
    QT_TRANSLATE_NOOP("Errors", "a number of {count} digits in it is longer than any offset or id"),
    QT_TRANSLATE_NOOP("Errors", "an element refers to the id {id}, which is missing or not unique"),
    QT_TRANSLATE_NOOP(
        "Errors", "its elements are nested inside each other, where UIMA XMI has them side by side"
    ),
    QT_TRANSLATE_NOOP("Errors", "it is nested too deeply to be read"),
    QT_TRANSLATE_NOOP("Errors", "the number {value} in it is not a whole number"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the offsets {value} do not fit {name}, which has {count} characters (brat counts code "
        "points)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{id} covers “{quote}” in the text, not “{written}” (brat counts code points)"
    ),
    QT_TRANSLATE_NOOP("Errors", "{id} is not a brat annotation id"),
    QT_TRANSLATE_NOOP("Errors", "{id} needs a type and the annotation it is about"),
    # What an exchange import left out, or an export could not carry, inside "{detail}".
    QT_TRANSLATE_NOOP("Errors", "article titles and metadata"),
    QT_TRANSLATE_NOOP("Errors", "article authors, sources and publication dates"),
    QT_TRANSLATE_NOOP("Errors", "entity aliases, descriptions and notes"),
    QT_TRANSLATE_NOOP("Errors", "claim dates (claimed on)"),
    QT_TRANSLATE_NOOP("Errors", "claim details on tags whose label is not a claim label"),
    QT_TRANSLATE_NOOP("Errors", "claim links between tags that are not claims"),
    QT_TRANSLATE_NOOP("Errors", "claim stances, statuses or gradings Hamish does not know"),
    QT_TRANSLATE_NOOP("Errors", "claimants and subjects not tagged in the claim's article"),
    QT_TRANSLATE_NOOP("Errors", "entities linked to claim tags"),
    QT_TRANSLATE_NOOP("Errors", "entity links on tags that are not entity tags"),
    QT_TRANSLATE_NOOP("Errors", "decisions on suggestions"),
    QT_TRANSLATE_NOOP("Errors", "label names and colours"),
    QT_TRANSLATE_NOOP("Errors", "links between claims of different articles"),
    QT_TRANSLATE_NOOP("Errors", "links between claims"),
    QT_TRANSLATE_NOOP("Errors", "nested or overlapping tags (BIO holds one tag per token)"),
    QT_TRANSLATE_NOOP("Errors", "notes on articles and on the project"),
    QT_TRANSLATE_NOOP("Errors", "notes on tags other than claims"),
    QT_TRANSLATE_NOOP("Errors", "tags across a sentence end (read as two)"),
    QT_TRANSLATE_NOOP("Errors", "tags of other kinds (claims, notes, spans)"),
    QT_TRANSLATE_NOOP("Errors", "tags that cover no text"),
    QT_TRANSLATE_NOOP("Errors", "tags whose text has changed (orphaned)"),
    QT_TRANSLATE_NOOP("Errors", "tags widened to whole tokens"),
    QT_TRANSLATE_NOOP("Errors", "web addresses that are not http or https"),
    QT_TRANSLATE_NOOP("Errors", ".ann files without their .txt"),
    QT_TRANSLATE_NOOP("Errors", "links to other files (symbolic links are not followed)"),
    QT_TRANSLATE_NOOP("Errors", "files that are not regular files (pipes, devices)"),
    QT_TRANSLATE_NOOP("Errors", "empty texts"),
    QT_TRANSLATE_NOOP("Errors", "attributes Hamish does not know"),
    QT_TRANSLATE_NOOP("Errors", "claim gradings Hamish does not know"),
    QT_TRANSLATE_NOOP(
        "Errors", "label kinds Hamish does not know, whose tags were kept as highlights"
    ),
    QT_TRANSLATE_NOOP("Errors", "entity types Hamish does not know, read as other"),
    QT_TRANSLATE_NOOP("Errors", "claimants and subjects that are no entity of the file"),
    QT_TRANSLATE_NOOP("Errors", "comments other than AnnotatorNotes"),
    QT_TRANSLATE_NOOP("Errors", "discontinuous tags"),
    QT_TRANSLATE_NOOP("Errors", "equivalence sets"),
    QT_TRANSLATE_NOOP("Errors", "events"),
    QT_TRANSLATE_NOOP("Errors", "notes, references and attributes of tags that were left out"),
    QT_TRANSLATE_NOOP("Errors", "relations Hamish does not know"),
    QT_TRANSLATE_NOOP("Errors", "relations of tags that were left out"),
    QT_TRANSLATE_NOOP("Errors", "tags without offsets"),
    QT_TRANSLATE_NOOP("Errors", "a text-bound annotation needs a type and offsets"),
    QT_TRANSLATE_NOOP("Errors", "articles in hamish:documents that are not records"),
    QT_TRANSLATE_NOOP("Errors", "articles without a text"),
    QT_TRANSLATE_NOOP("Errors", "articles longer than an article may be"),
    QT_TRANSLATE_NOOP("Errors", "claim links from a claim to itself"),
    QT_TRANSLATE_NOOP(
        "Errors", "claim details that are not a set of values, so the claim keeps its defaults"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "references, claimants and claim attributes given twice for one tag, of which the last "
        "was kept",
    ),
    QT_TRANSLATE_NOOP("Errors", "relations of a tag to itself"),
    QT_TRANSLATE_NOOP("Errors", "label keys in Hamish lines that are not text"),
)

# The operating system's and SQLite's own words, inside "{detail}" ("Cannot write {path}:
# {detail}." with ``error.strerror``; "… cannot be opened as a Hamish project: {detail}."):
# the common ones, so a full disk or a locked file is said in Arabic too.
SYSTEM: Final = (
    QT_TRANSLATE_NOOP("Errors", "No space left on device"),
    QT_TRANSLATE_NOOP("Errors", "Disk quota exceeded"),
    QT_TRANSLATE_NOOP("Errors", "Permission denied"),
    QT_TRANSLATE_NOOP("Errors", "Operation not permitted"),
    QT_TRANSLATE_NOOP("Errors", "Read-only file system"),
    QT_TRANSLATE_NOOP("Errors", "No such file or directory"),
    QT_TRANSLATE_NOOP("Errors", "Is a directory"),
    QT_TRANSLATE_NOOP("Errors", "Not a directory"),
    QT_TRANSLATE_NOOP("Errors", "File exists"),
    QT_TRANSLATE_NOOP("Errors", "File name too long"),
    QT_TRANSLATE_NOOP("Errors", "Input/output error"),
    QT_TRANSLATE_NOOP("Errors", "Too many open files"),
    QT_TRANSLATE_NOOP("Errors", "Device or resource busy"),
    QT_TRANSLATE_NOOP("Errors", "No such device or address"),
    QT_TRANSLATE_NOOP("Errors", "Invalid argument"),
    QT_TRANSLATE_NOOP("Errors", "Invalid cross-device link"),
    QT_TRANSLATE_NOOP("Errors", "database is locked"),
    QT_TRANSLATE_NOOP("Errors", "database table is locked"),
    QT_TRANSLATE_NOOP("Errors", "database or disk is full"),
    QT_TRANSLATE_NOOP("Errors", "disk I/O error"),
    QT_TRANSLATE_NOOP("Errors", "database disk image is malformed"),
    QT_TRANSLATE_NOOP("Errors", "file is not a database"),
    QT_TRANSLATE_NOOP("Errors", "unable to open database file"),
    QT_TRANSLATE_NOOP("Errors", "attempt to write a readonly database"),
)

# What a file is (io/importers/common.py DESCRIPTIONS), inside "{name} is {kind}, …".
KINDS: Final = (
    QT_TRANSLATE_NOOP("Errors", "a PDF document"),
    QT_TRANSLATE_NOOP("Errors", "a Word document"),
    QT_TRANSLATE_NOOP("Errors", "a zip archive"),
    QT_TRANSLATE_NOOP("Errors", "an old binary Office document (.doc/.xls)"),
    QT_TRANSLATE_NOOP("Errors", "an image"),
    QT_TRANSLATE_NOOP("Errors", "a web page"),
    QT_TRANSLATE_NOOP("Errors", "an e-mail message"),
)
# The records of a Hamish JSON file (store/transfer.py's tables), inside "{record}" ("document
# 3") and "{table}".
RECORDS: Final = (
    QT_TRANSLATE_NOOP("Errors", "document"),
    QT_TRANSLATE_NOOP("Errors", "label"),
    QT_TRANSLATE_NOOP("Errors", "entity"),
    QT_TRANSLATE_NOOP("Errors", "entity alias"),
    QT_TRANSLATE_NOOP("Errors", "annotation"),
    QT_TRANSLATE_NOOP("Errors", "claim"),
    QT_TRANSLATE_NOOP("Errors", "claim subject"),
    QT_TRANSLATE_NOOP("Errors", "claim link"),
    QT_TRANSLATE_NOOP("Errors", "note"),
    QT_TRANSLATE_NOOP("Errors", "decision"),
)
_RECORD: Final = r"([a-z ]+?) (\d+)"  # compiled on first use (re caches it)
# Between the problems of a file.
SEPARATOR: Final = QT_TRANSLATE_NOOP("Errors", "; ")

_PLACEHOLDER: Final = r"\{(\w+)\}"  # compiled on first use (re caches it)
# A message inside a message inside a message, inside "{detail} (at {path})", is as deep as
# the lower layers go; a longer message than this is no message of theirs (and would make the
# matching slow).
_DEPTH: Final = 4
_LONGEST: Final = 20_000
# The most sentences one message holds ("… (format {version}; …). Update Hamish …").
_SPAN: Final = 4
# Placeholders that hold a path, and values that look like a file name or path.
_PATHS: Final = frozenset({"path", "file", "folder", "target", "project"})
_FILE_LIKE: Final = r"[/\\]|\.[A-Za-z][A-Za-z0-9]{0,4}\Z"
_NUMBER: Final = r"[\d,.]+"  # compiled on first use (re caches it)
# Where several messages are joined by spaces: after a full stop, before a capital, a count
# ("2 links were not imported.") or a quote.
_SENTENCE_END: Final = r"(?<=\.) (?=[A-Z0-9“\"])"  # compiled on first use (re caches it)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each template as a regex whose groups capture its placeholders, most specific first
    (the most text outside the placeholders), so "{name} cannot be read: permission denied."
    wins over "{name} cannot be read: {detail}."."""
    compiled = []
    for template in (*TEMPLATES, *SYSTEM):
        pattern, last = "", 0
        for index, match in enumerate(re.finditer(_PLACEHOLDER, template)):
            pattern += re.escape(template[last : match.start()]) + f"(?P<p{index}>.+?)"
            last = match.end()
        pattern += re.escape(template[last:])
        compiled.append((re.compile(pattern, re.DOTALL), template))
    compiled.sort(key=lambda item: -len(re.sub(_PLACEHOLDER, "", item[1])))
    return tuple(compiled)


def _value(name: str, value: str, depth: int) -> str:
    if name == "details" and depth < _DEPTH:  # several problems: "…; …; and 3 more"
        return QCoreApplication.translate(CONTEXT, SEPARATOR).join(
            _value("detail", part, depth) for part in value.split("; ")
        )
    if name == "detail" and depth < _DEPTH:
        shown = _translated(value, depth + 1)
        return shown if shown != value else isolate(value)
    if (name == "kind" and value in KINDS) or (name == "table" and value in RECORDS):
        return QCoreApplication.translate(CONTEXT, value)
    record = re.fullmatch(_RECORD, value) if name == "record" else None
    if record is not None and record.group(1) in RECORDS:
        return f"{QCoreApplication.translate(CONTEXT, record.group(1))} {record.group(2)}"
    if re.fullmatch(_NUMBER, value):
        return value
    if name in _PATHS or re.search(_FILE_LIKE, value):
        return isolate_path(value)  # ".docx" at its end, slashes in order, in Arabic too
    return isolate(value)


class Counted(QObject):
    """The lower layers' messages that begin with a count (``{n} …``), each with its plural
    forms — Arabic has six (none, one, two, a few, many, a hundred and more), English two, so
    "1 annotations" reads "1 annotation …", «٢ تعليقات» «تعليقان». lupdate marks a message
    plural only in ``self.tr(text, "", n)``: this lists them so; never called.
    :func:`_one` asks for a matched template's forms by its count (``COUNTED`` context), and
    takes the template's single form (``Errors``) when the message has none here."""

    def listed(self, n: int) -> tuple[str, ...]:
        return (
            self.tr("{n} annotations whose quote is not in the text were not imported.", "", n),
            self.tr("{n} annotations on texts that are not in the file were not imported.", "", n),
            self.tr(
                "{n} annotations without a tag, an entity or a comment were not imported.", "", n
            ),
            self.tr("{n} tags without a place in the text (no selector) were not imported.", "", n),
            self.tr("{n} items that are not annotations of a text were not imported.", "", n),
            self.tr(
                "{n} claim assessments on tags whose label is not a claim label were not imported.",
                "",
                n,
            ),
            self.tr(
                "{n} annotations whose position (TextPositionSelector) and quote "
                "(TextQuoteSelector) disagree were placed where the quote is.",
                "",
                n,
            ),
            self.tr(
                "{n} annotations whose position (TextPositionSelector) is outside the text were "
                "placed by their quote (TextQuoteSelector).",
                "",
                n,
            ),
            self.tr(
                "{n} annotations placed only by a position (TextPositionSelector) that is not "
                "within their article's text were not imported: the first runs from {start} to "
                "{end} in an article of {length} characters.",
                "",
                n,
            ),
            self.tr(
                "{n} PDF sources were not imported (Hamish imports their text only from text "
                "sources).",
                "",
                n,
            ),
            self.tr("{n} picture sources were not imported.", "", n),
            self.tr("{n} audio sources were not imported.", "", n),
            self.tr("{n} video sources were not imported.", "", n),
            self.tr(
                "{n} sources whose text is outside the project file were not imported (Hamish "
                "never reads other files named in an imported one).",
                "",
                n,
            ),
            self.tr("{n} sources whose text is missing from the file were not imported.", "", n),
            self.tr("{n} sources whose text is not UTF-8 were not imported.", "", n),
            self.tr("{n} sources without text were not imported.", "", n),
            self.tr("{n} sources longer than Hamish imports were not imported.", "", n),
            self.tr("{n} selections without valid positions were not imported.", "", n),
            self.tr("{n} selections outside their source's text were not imported.", "", n),
            self.tr("{n} selections without a code or a note were not imported.", "", n),
            self.tr("{n} codings of codes missing from the codebook were not imported.", "", n),
            self.tr("{n} codings of whole sources were not imported.", "", n),
            self.tr("{n} references to missing notes were ignored.", "", n),
            self.tr("{n} variable values of sources were not imported.", "", n),
            self.tr("{n} variables were not imported.", "", n),
            self.tr("{n} cases were not imported.", "", n),
            self.tr("{n} sets were not imported.", "", n),
            self.tr("{n} links were not imported.", "", n),
            self.tr("{n} graphs were not imported.", "", n),
            self.tr("{n} selections that cover no text were not imported.", "", n),
            self.tr("{n} annotations that lost their place in the text were left out.", "", n),
            self.tr(
                "{n} decisions on suggestions were left out (REFI-QDA has no place for them).",
                "",
                n,
            ),
            self.tr(
                "{n} decisions on suggestions were left out (the Web Annotation model has no "
                "place for them).",
                "",
                n,
            ),
        )


COUNTED: Final = "Counted"


def _counted(template: str, count: str) -> str | None:
    """``template``'s form for ``count`` (plain digits), or None when it has no plural forms."""
    if not count.isdigit() or len(count) > 15:
        return None
    shown = QCoreApplication.translate(COUNTED, template, None, int(count))
    return None if shown == template else shown


def _one(message: str, depth: int, *, counted_only: bool = False) -> str | None:
    for pattern, template in _compiled():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        names = [m.group(1) for m in re.finditer(_PLACEHOLDER, template)]
        found = {name: match.group(f"p{index}") for index, name in enumerate(names)}
        if "n" in found and re.fullmatch(_NUMBER, found["n"]) is None:
            continue  # "{n}" took in a sentence before the count: not this template
        counted = _counted(template, found["n"]) if "n" in found else None
        if counted_only:  # English: only the count's form; the message's values as written
            return None if counted is None else _filled(counted, found)
        values = {name: _value(name, value, depth) for name, value in found.items()}
        return _filled(counted or QCoreApplication.translate(CONTEXT, template), values)
    return None


def _filled(text: str, values: dict[str, str]) -> str:
    return re.sub(_PLACEHOLDER, lambda m: values.get(m.group(1), m.group(0)), text)


def _sentences(message: str, depth: int) -> str | None:
    """``message`` translated whole, or as a run of known messages joined by spaces (each at
    most ``_SPAN`` sentences long, the first one as short as can be), else None."""
    whole = _one(message, depth)
    if whole is not None:
        return whole
    splits = list(re.finditer(_SENTENCE_END, message))
    starts = [0, *(split.end() for split in splits)]
    ends = [*(split.start() for split in splits), len(message)]
    count = len(starts)
    # rest[i]: the message from sentence i on, translated (None: not all of it is known).
    rest: list[str | None] = [None] * count + [""]
    for first in range(count - 1, -1, -1):
        for last in range(first, min(first + _SPAN, count)):
            after = rest[last + 1]
            if after is None:
                continue
            shown = _one(message[starts[first] : ends[last]], depth)
            if shown is not None:
                rest[first] = f"{shown} {after}" if after else shown
                break
    return rest[0]


def translated(message: str) -> str:
    """``message`` in the installed language, or as it is when it is not a known one."""
    return _translated(message, 0)


def _translated(message: str, depth: int) -> str:
    if len(message) > _LONGEST:
        return message
    shown = _sentences(message, depth)
    return message if shown is None else shown


def error_text(message: str) -> str:
    """A lower layer's message (English, Qt-free) in the interface language: filled in from
    its template, several joined by spaces one by one; an unknown message as it is."""
    if current_language() == "en":  # "1 annotations …" as "1 annotation …"
        return _one(message, 0, counted_only=True) or message
    return translated(message)
