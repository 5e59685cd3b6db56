"""The standardized exports, included under /records/exports/:
`<name>.csv` and `<name>.xlsx` for every export in the registry."""

import re

from django.urls import re_path

from classes.records.exports.registry import EXPORTS, FORMATS
from classes.records.exports.views import download

NAMES = "|".join(re.escape(name) for name in EXPORTS)
KINDS = "|".join(FORMATS)

urlpatterns = [
    re_path(rf"^(?P<name>{NAMES})\.(?P<fmt>{KINDS})$", download, name="records_export"),
]
