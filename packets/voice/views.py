"""/voice/<key>.mp3: a spoken text's audio, once the worker has made it.

Anyone may fetch it: the key is a digest of the text, so only someone who
already knows the text (a reader of its page) can name its audio, and the audio
says nothing the text does not. Until the audio is ready, and for any name that
is not a key, the answer is 404. Behind nginx the file is sent by nginx
(HARBOR_MEDIA_ACCEL_REDIRECT); either answers byte ranges, for Safari.
"""

import re

from django.http import Http404
from django.views.decorators.http import require_safe

from packets.media import media_file_response
from packets.voice import KEY_BYTES

NAME = re.compile(rf"([0-9a-f]{{{KEY_BYTES * 2}}})(\.[a-z0-9]{{1,5}})")


@require_safe
def serve_spoken_text(request, name):
    from packets.models import SpokenText

    match = NAME.fullmatch(name)
    if match is None:
        raise Http404
    key, extension = match.groups()
    row = SpokenText.objects.ready().filter(key=key).first()
    if row is None or not row.file.name.endswith(extension):
        raise Http404
    return media_file_response(row.file.name, public=True, request=request)
