"""Interface translations: hamish_ar.ts (Arabic, the source translators edit), hamish_en.ts
(English plural forms) and their compiled .qm files; update.py refreshes them."""
