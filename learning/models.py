from functools import cache

from django.contrib.auth.models import AbstractUser, Group
from django.db import connection, models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from learning.languages import LANGUAGES
from learning.roles import Role
from learning.validators import one_line


@cache
def role_names_sql():
    """The user's group names, with the tables and columns named by the models."""
    quote = connection.ops.quote_name
    link, group = User.groups.through._meta, Group._meta
    name, group_id = group.get_field("name").column, group.pk.column
    link_group, link_user = link.get_field("group").column, link.get_field("user").column
    return (
        f"SELECT g.{quote(name)} FROM {quote(group.db_table)} g "
        f"JOIN {quote(link.db_table)} ug ON ug.{quote(link_group)} = g.{quote(group_id)} "
        f"WHERE ug.{quote(link_user)} = %s"
    )


class User(AbstractUser):
    """A person using Harbor. Email is optional: many students have none."""

    display_name = models.CharField(
        _("display name"),
        max_length=150,
        blank=True,
        validators=[one_line],
        help_text=_("The name classmates see. Usernames and emails are never shown to them."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=LANGUAGES, default="en"
    )
    # A password someone else chose and printed (a sign-in card): the first
    # sign-in leads to choosing one's own (learning/welcome/).
    password_is_temporary = models.BooleanField(
        _("password is temporary"),
        default=False,
        help_text=_("Given by a teacher or manager; the user must choose a new one."),
    )
    # The bell in every page's header: kept here, counted up and down in the
    # transaction that writes or reads a notice (classes/notices/services.py), so
    # the header costs no query beyond the user it already loads.
    unread_notices = models.PositiveIntegerField(_("unread notices"), default=0, editable=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.display_name or self.get_full_name() or self.username

    @cached_property
    def role_names(self):
        # Read on nearly every page (the header's links follow the role), so one
        # plain query: Django took ~0.3 ms to build it through `self.groups`,
        # the database ~0.02 ms to run it (bench/packet_page.py; measured again
        # with the session shortcut in docs/BENCHMARKS.md, issue 17).
        with connection.cursor() as cursor:
            cursor.execute(role_names_sql(), [self.pk])
            return frozenset(name for (name,) in cursor.fetchall())

    def has_role(self, role):
        return self.is_active and role.value in self.role_names

    @property
    def is_student(self):
        return self.has_role(Role.STUDENT)

    @property
    def is_teacher(self):
        return self.has_role(Role.TEACHER)

    @property
    def is_manager(self):
        return self.has_role(Role.MANAGER) or (self.is_active and self.is_superuser)

    @property
    def may_publish(self):
        """Teachers and managers publish packets in the Wagtail admin."""
        return self.is_teacher or self.is_manager

    @property
    def role(self):
        """The user's main role, for greetings and dashboards."""
        for role, held in (
            (Role.MANAGER, self.is_manager),
            (Role.TEACHER, self.is_teacher),
            (Role.STUDENT, self.is_student),
        ):
            if held:
                return role
        return None

    def add_role(self, role):
        self.groups.add(Group.objects.get(name=role.value))
        self.__dict__.pop("role_names", None)


class EmailStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingEmail(models.Model):
    """One message in the outbox (learning/outbox.py): written in the same
    transaction as the change that sends it, sent by the task worker. Its status
    is the truth shown to people: nothing reads as sent before the mail server
    took it."""

    recipient = models.ForeignKey(
        "learning.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the message belongs to, e.g. "packet-mailing:12" (the app that sends it
    # decides; learning does not import the apps above it).
    topic = models.CharField(max_length=80, blank=True, db_index=True)
    to = models.JSONField()
    from_email = models.CharField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=16, choices=EmailStatus.choices, default=EmailStatus.WAITING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"
