"""Hypothesis for Harbor: no example database in the checkout (runs leave
nothing behind), no deadline (a request may take a while on CI), and a modest
number of examples so the whole directory stays within a few minutes."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "harbor",
    database=None,
    deadline=None,
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("harbor")
