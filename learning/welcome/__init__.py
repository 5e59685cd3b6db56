"""The first sign-in with a temporary password (a sign-in card): choose your
language, choose your own password, and, for students, a picture guide of
Harbor. The rules are in `steps.py`; `learning.middleware.FirstSignInMiddleware`
holds every other page back until the owed steps are done."""
