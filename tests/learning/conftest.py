# Packets, for the first sign-in's guard (tests/learning/test_first_sign_in.py).
from tests.packets.conftest import levels, make_packet  # noqa: F401
