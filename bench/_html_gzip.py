"""What nginx does in front of Harbor in production (docs/deploy.md), for the
Lighthouse benchmark: gzip HTML, and only HTML."""

from django.middleware.gzip import GZipMiddleware


class HtmlGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)
