"""Where a class meets: online, in person or both, and for the last two its room
and address (shown on the class page, the students' home and session notices)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from classes.models import Class, ClassMode

PLACE_FIELDS = ("mode", "address", "room")


def check_place(mode, address, room):
    """An in-person or hybrid class needs an address: students must find it."""
    if mode in (ClassMode.IN_PERSON, ClassMode.HYBRID) and not address.strip():
        raise ValidationError(
            _("Write the address where the class meets: it is in person."), code="no_address"
        )


@transaction.atomic
def change_place(class_: Class, *, mode: str, address: str, room: str) -> Class:
    check_place(mode, address, room)
    class_.mode, class_.address, class_.room = mode, address.strip(), room.strip()
    class_.full_clean()
    class_.save(update_fields=PLACE_FIELDS)
    return class_
