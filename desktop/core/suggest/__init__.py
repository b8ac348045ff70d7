"""Rule-based suggestions of person names and claims in one news article.

Why rules and not a model: the app must run offline with nothing downloaded, under the MIT
licence, and news Arabic is formulaic enough that a few patterns find most of what an analyst
tags first: a person's name right after a title (``وزير الخارجية الروسي سيرغي لافروف``) and a
claim after a reporting verb (``وقال كيري إن «…»``). Suggestions are only offers: the analyst
accepts or rejects each, and the caller remembers the decisions (``skip``).

Everything runs on the folded text of :func:`desktop.core.arabic.normalise` (so hamza, harakat,
tatweel and ta marbuta variants do not matter) and is reported in raw code points. Where folding
loses a distinction that matters, the raw text is consulted: the article ال is told from a verb
that starts with أل (``ألقى`` folds to ``القي``) by the raw alef, and a final ة from ه.

The rules, in the order they run:

1. *Titles*: a title (الرئيس، وزير، المتحدث باسم، المبعوث، السفير، الجنرال، نظيره …) is followed
   by modifiers that are skipped (definite adjectives, construct nouns and their complements
   such as ``باسم وزارة الخارجية الروسية``, prepositional phrases such as ``الى سورية``), then
   by one to three name tokens up to a stop: punctuation, a function word, a verb, a time word,
   a title, a conjunction, a word in ة, a definite word other than a surname right after the
   first name (``بشار الأسد``). A name in quotation marks right after or right before a title
   is taken whole (``“جيمس جيفري” المبعوث``). A surname the article also uses on its own
   ends a name (``سيرغي لافروف محادثات`` → سيرغي لافروف). The rule runs twice, so what the
   first pass learnt applies to the whole article.
2. *Registry*: every alias of a known entity (:class:`AliasMatcher`) is suggested with the
   entity's type — except a person's alias that is only a given name (``محمد``) where a longer
   name goes on (``محمد فاضل``): it would cut that name short. *Gazetteer* (when the caller
   passes one): the places and organisations of ``resources/gazetteer`` (:mod:`.gazetteer`:
   countries, capitals, cities, regions, waters, international and Arab bodies, parties,
   agencies) that the registry and rule 1 leave free, each with a score; so a new project's
   first article has locations and organisations too. Organisations and locations come only
   from these two lists, never from guesses.
3. *Claims*: the article is cut into sentences (on . ! ? ؟ and new lines, never inside a
   quotation), reporting verbs are found (قال، أعلن، أكد … with feminine, dual, plural,
   imperfect and participle forms and و/ف), and each verb opens a clause. Its claimant is the
   subject after the verb (a title phrase is reduced to its name), or the noun phrase before it
   (``وكان الكرملين أعلن``، ``إلا أن بوتين أوضح``), or, when the verb has none (``وأضاف «…»``),
   the person named after a title earlier in the sentence or else the article's previous
   claimant. The passage is the quotation when the clause opens with one (after أن/إن/: or at
   once), otherwise the reported clause up to the next clause. ``بحسب/وفق X،`` attributes a
   sentence with no reporting verb. A claimant made only of names learnt in the article is
   also suggested as a person; a body or a place that speaks (الكرملين، موسكو) is not.

The package is split by level, each module using only those above it:

* :mod:`.lexicon`: the word lists (titles, function and time words, verbs of saying and their
  forms …), folded once at import; data only.
* :mod:`.tokens`: the article as tokens over folded text (:class:`~.tokens._Article`),
  quotation pairing and sentence ends.
* :mod:`.names`: rule 1, person names after (or before) a title.
* :mod:`.claims`: rule 3, reporting clauses, their claimants and passages.
* :mod:`.gazetteer`: the gazetteer's entries (parsed from the text of its files) and their
  matcher, with the rules that tell a place from an adjective or a common word.
* :mod:`.pipeline`: :class:`Suggestion` and :func:`suggest`, which runs the rules in order and
  adds the registry's aliases and the gazetteer's names (rule 2); :func:`~.pipeline.tidy`, which
  every source's entity suggestion passes (here, in :func:`merge` and in the model's tagger):
  no name starts or ends with punctuation or crosses a bracket, quotation mark or sentence mark
  (``(باراك) أوباما`` after a title is باراك), since an accepted span names a new entity.

Names with a leading underscore are private to the package.
"""

from __future__ import annotations

from desktop.core.suggest.pipeline import LABEL_KEYS, Suggestion, merge, suggest
from desktop.core.suggest.pipeline import SuggestionKind as SuggestionKind

__all__ = ["LABEL_KEYS", "Suggestion", "merge", "suggest"]
