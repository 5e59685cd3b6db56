"""Thin views behind FlashcardRoutesMixin. Wagtail's `serve` has already applied
the page's view restrictions before any of these runs."""

import tempfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _

from learning.ids import parse_number
from packets import panels
from packets.flashcards.anki import write_apkg
from packets.flashcards.deck import deck_for_page
from packets.flashcards.fields import translation_for
from packets.flashcards.progress import practice_queue
from packets.flashcards.quizlet import quizlet_text
from packets.flashcards.scheduling import (
    GRADES,
    UnknownGrade,
    grade_card,
    rating_named,
    review_time,
)


def flashcard_urls(page):
    base = page.url
    return {
        "practice": f"{base}flashcards/",
        "apkg": f"{base}flashcards.apkg",
        "txt": f"{base}flashcards.txt",
    }


def practice(request, page):
    if request.method == "POST":
        return _grade(request, page)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    deck = deck_for_page(page, request)
    if not deck.cards:
        return _no_flashcards(request, page)
    response = TemplateResponse(
        request, "packets/flashcards/practice.html", _practice_context(request, page, deck)
    )
    add_never_cache_headers(response)  # the next card changes with every grade
    return response


def _practice_context(request, page, deck):
    queue = practice_queue(request.user, deck, timezone.now())
    signed_in = request.user.is_authenticated
    card = queue.next_card if signed_in else _browsed_card(request, deck)
    context = {
        "page": page,
        "deck": deck,
        "queue": queue,
        "card": card,
        "urls": flashcard_urls(page),
        "grades": [(name, label) for _rating, name, label in GRADES],
        "beacon": panels.flashcard_beacon(request, page.pk),
    }
    if card:
        context.update(_card_context(card, deck))
        context["offline_cards"] = offline_cards(deck, card) if signed_in else None
    if not signed_in:
        context.update(_browse_context(request, deck))
    return context


def _grade(request, page):
    urls = flashcard_urls(page)
    if not request.user.is_authenticated:
        return redirect_to_login(urls["practice"], settings.LOGIN_URL)
    deck = deck_for_page(page, request)
    card = deck.by_key.get((_int(request.POST.get("packet")), request.POST.get("item", "")))
    try:
        rating = rating_named(request.POST.get("grade", ""))
    except UnknownGrade:
        messages.error(request, _("Choose Again, Hard, Good or Easy to grade the card."))
        return redirect(urls["practice"])
    if card is None:
        messages.error(request, _("That card is no longer in this deck. Here is the next one."))
        return redirect(urls["practice"])
    now = timezone.now()
    grade_card(request.user, card, rating, review_time(request.POST.get("given_at"), now))
    return redirect(urls["practice"])


# Cards a student can go on with when the phone is offline (flashcards.js): the
# words only; a picture or recording shows with the card the server chose.
OFFLINE_CARDS = 60


def offline_cards(deck, first):
    language = translation.get_language()
    cards = [card for card in deck.cards if card.key != first.key][:OFFLINE_CARDS]
    return [
        {
            "packet": card.packet_id,
            "item": card.item_id,
            "term": card.term,
            "meaning": card.meaning,
            "example": card.example,
            "translations": translation_for(card, language),
        }
        for card in cards
    ]


def _card_context(card, deck):
    return {
        "image": deck.image_for(card),
        "audio": deck.audio_for(card),
        # Generated pronunciation (packets/voice/): the term's only when the
        # teacher recorded none.
        "spoken_term": _spoken_url(deck.spoken_term(card)),
        "spoken_example": _spoken_url(deck.spoken_example(card)),
        "translations": translation_for(card, translation.get_language()),
    }


def _spoken_url(spoken):
    return spoken.url if spoken else ""


def _browsed_card(request, deck):
    """Visitors (public packets only reach here) flip through the cards in order."""
    return deck.cards[_card_index(request, deck)]


def _card_index(request, deck):
    index = _int(request.GET.get("card", "1"))
    return index - 1 if index and 1 <= index <= len(deck.cards) else 0


def _browse_context(request, deck):
    index = _card_index(request, deck)
    following = index + 2 if index + 1 < len(deck.cards) else 1
    return {"position": index + 1, "next_position": following}


def _int(value):
    return parse_number(value)


def _no_flashcards(request, page):
    from packets.models import LevelPage

    context = {"page": page, "is_level": isinstance(page, LevelPage)}
    return TemplateResponse(request, "packets/flashcards/empty.html", context, status=404)


def anki_export(request, page):
    deck = deck_for_page(page, request)
    if not deck.cards:
        return _no_flashcards(request, page)
    output = tempfile.TemporaryFile()
    write_apkg(deck, output, language=translation.get_language())
    output.seek(0)
    response = FileResponse(
        output,
        as_attachment=True,
        filename=f"{slugify(page.title) or 'harbor'}-flashcards.apkg",
        content_type="application/octet-stream",
    )
    return _private(response)


def quizlet_export(request, page):
    deck = deck_for_page(page, request)
    if not deck.cards:
        return _no_flashcards(request, page)
    response = HttpResponse(quizlet_text(deck), content_type="text/plain; charset=utf-8")
    filename = f"{slugify(page.title) or 'harbor'}-flashcards.txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


def _private(response):
    # Packets are often signed-in only: no shared cache may keep a copy.
    patch_cache_control(response, private=True)
    return response
