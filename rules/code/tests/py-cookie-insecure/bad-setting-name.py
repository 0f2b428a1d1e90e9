from django.conf import settings
from django.http import HttpResponse

COOKIE_NAME = "app"


def login_done(request, session_id):
    """The session's own cookie, or one whose setting says nothing of what it holds."""
    response = HttpResponse()
    # ruleid: code/py-cookie-insecure
    response.set_cookie(settings.SESSION_COOKIE_NAME, session_id)
    # ruleid: code/py-cookie-insecure
    response.set_cookie(COOKIE_NAME, session_id)
    return response
