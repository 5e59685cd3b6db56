import datetime

import pytest

from classes.loans.services import add_device, lend_device

TODAY = datetime.date(2026, 11, 2)


@pytest.fixture
def make_device(manager):
    def make(tag="HBR-L-100", kind="laptop", **fields):
        fields.setdefault("model_name", "Chromebook")
        return add_device(by=manager, kind=kind, asset_tag=tag, **fields)

    return make


@pytest.fixture
def lend(manager):
    def lend_(device, student, lent_on=TODAY, due_back=None, by=None):
        due_back = due_back or lent_on + datetime.timedelta(weeks=4)
        return lend_device(device, student, by=by or manager, lent_on=lent_on, due_back=due_back)

    return lend_
