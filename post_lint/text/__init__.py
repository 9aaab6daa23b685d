"""The text layer: what every check reads a post through.

One sentence splitter (:mod:`.sentences`, abbreviations as data), the phrase
engine over normalised text (:mod:`.phrases`), quotations and attribution
(:mod:`.quotes`), negation cues (:mod:`.negation`), the CamelCase splitter
(:mod:`.words`), span helpers (:mod:`.spans`), the line index (:mod:`.lines`)
and word-list loading with user extras (:mod:`.wordlists`).
``Document`` offers the shared views (``doc.sentences``, ``doc.quotes``,
``doc.attributed_quotes``, ``doc.line_index``, ``doc.normalized``), computed
once per document however many checks ask.
"""
