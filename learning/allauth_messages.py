"""The messages allauth shows Harbor's users after they act on their account,
written out again so that `makemessages` puts them in Harbor's catalogues:
allauth has no Dari, Pashto or Swahili, whose readers were greeted in English.
For the other languages Harbor's catalogues carry allauth's own words. Nothing
imports this module."""

from django.utils.translation import gettext_noop

MESSAGES = [
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Removed email address %(email)s."),
    gettext_noop("Primary email address set."),
]
