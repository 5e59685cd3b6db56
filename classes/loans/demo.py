"""Demo devices and loans, made with the real actions: a laptop lent to
student1, a tablet to student2 that is overdue, one returned, a hotspot on the
shelf, one in repair; student3 said they have no device."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from classes.loans.services import add_device, lend_device, return_device, set_device_need
from classes.models import Condition, Device, DeviceKind, DeviceStatus

SITE = "Main office"
# asset tag, kind, model, status
DEVICES = [
    ("HBR-L-001", DeviceKind.LAPTOP, "Lenovo IdeaPad 1", DeviceStatus.AVAILABLE),
    ("HBR-T-002", DeviceKind.TABLET, "Samsung Galaxy Tab A8", DeviceStatus.AVAILABLE),
    ("HBR-L-003", DeviceKind.LAPTOP, "Acer Chromebook 314", DeviceStatus.AVAILABLE),
    ("HBR-H-004", DeviceKind.HOTSPOT, "T-Mobile 5G hotspot", DeviceStatus.AVAILABLE),
    ("HBR-T-005", DeviceKind.TABLET, "Amazon Fire HD 10", DeviceStatus.IN_REPAIR),
]


def load(log):
    if Device.objects.filter(asset_tag=DEVICES[0][0]).exists():
        return
    people = {u.username: u for u in get_user_model().objects.all()}
    manager = people["manager"]
    devices = {
        tag: add_device(
            by=manager,
            kind=kind,
            asset_tag=tag,
            model_name=model,
            status=status,
            site=SITE,
            condition=Condition.GOOD,
            notes="",
        )
        for tag, kind, model, status in DEVICES
    }
    today = timezone.localdate()
    weeks_ago = today - timedelta(weeks=5)
    lend = [
        ("HBR-L-001", "student1", today - timedelta(days=10), today + timedelta(weeks=8), True),
        ("HBR-T-002", "student2", weeks_ago, today - timedelta(days=5), False),
        ("HBR-L-003", "student5", weeks_ago, weeks_ago + timedelta(weeks=3), True),
    ]
    for tag, username, lent_on, due_back, signed in lend:
        lend_device(
            devices[tag],
            people[username],
            by=manager,
            lent_on=lent_on,
            due_back=due_back,
            agreement_signed=signed,
            agreement_signed_on=lent_on if signed else None,
        )
    returned_on = weeks_ago + timedelta(weeks=3)
    return_device(
        devices["HBR-L-003"], by=manager, returned_on=returned_on, condition=Condition.FAIR
    )
    set_device_need(people["student3"], True, by=people["student3"])
    log(f"{len(DEVICES)} devices, 3 loans (1 overdue, 1 returned)")
