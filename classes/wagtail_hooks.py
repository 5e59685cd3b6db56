"""The Wagtail admin links to the class pages, where teachers run their classes.

Classes are not edited as snippets: creating one must generate its sessions and
changing the roll must keep its history, which the action functions do."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_menu_item")
def register_classes_menu_item():
    return MenuItem(_("Classes"), "/classes/", icon_name="group", order=250)
