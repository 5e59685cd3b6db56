"""What tests read off a rendered page."""

import re

# Every page loads this one script, deferred: it keeps pages for offline reading
# (docs/offline.md). Nothing on a page needs it to be read or used.
OFFLINE_SCRIPT = '<script src="/static/harbor/offline.js" defer>'


def page_scripts(html):
    """The page's own scripts: every <script> tag but the offline one."""
    return [tag for tag in re.findall(r"<script\b[^>]*>", html) if tag != OFFLINE_SCRIPT]
