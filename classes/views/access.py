"""Finding the class a request may open: 404 when the user may not see it at all
(so its existence is not revealed), 403 when they may see it but not run it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from classes.access import can_teach
from classes.models import Class, Session


def visible_class(request, class_id):
    classes = Class.objects.for_user(request.user).select_related("level")
    return get_object_or_404(classes, pk=class_id)


def taught_class(request, class_id):
    class_ = visible_class(request, class_id)
    if not can_teach(request.user, class_):
        raise PermissionDenied
    return class_


def taught_session(request, class_id, session_id):
    class_ = taught_class(request, class_id)
    session = get_object_or_404(Session.objects.filter(cohort=class_), pk=session_id)
    session.cohort = class_
    return session
