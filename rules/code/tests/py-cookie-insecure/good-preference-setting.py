from django.conf import settings
from django.http import HttpResponse


def set_language(request, language_code):
    """The language preference cookie under Django's own setting for its name."""
    response = HttpResponse()
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
    )
    return response
