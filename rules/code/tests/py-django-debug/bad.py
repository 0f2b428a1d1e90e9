ALLOWED_HOSTS = ["*"]
# ruleid: code/py-django-debug
DEBUG = True
