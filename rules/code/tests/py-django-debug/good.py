import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"


def toggle(settings):
    settings.DEBUG = True
