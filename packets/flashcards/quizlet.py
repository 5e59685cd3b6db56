"""Quizlet export: one card per line, term TAB definition, UTF-8.

Quizlet's "Import" box takes this text as it is (tab between term and
definition, new line between cards)."""

from packets.flashcards.fields import one_line


def quizlet_text(deck):
    lines = (f"{one_line(card.term)}\t{one_line(card.meaning)}" for card in deck.cards)
    return "".join(line + "\n" for line in lines)
