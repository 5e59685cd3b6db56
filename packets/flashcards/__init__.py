"""Vocabulary flashcards: decks built from packets' vocabulary blocks, practice
with spaced repetition (fsrs), Anki (.apkg) and Quizlet (.txt) exports."""
