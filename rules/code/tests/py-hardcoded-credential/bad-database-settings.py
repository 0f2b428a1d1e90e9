import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "site",
        "USER": "archive",
        # ruleid: code/py-hardcoded-credential
        "PASSWORD": "hkpass",
    },
    "other": {
        # The engine is chosen at run time: the password may be used.
        "ENGINE": os.environ.get("DB_ENGINE", "django.db.backends.sqlite3"),
        "NAME": "site",
        # ruleid: code/py-hardcoded-credential
        "PASSWORD": "hkpass",
    },
    "cache": {
        "ENGINE": "django.db.backends.mysql",
        "OPTIONS": {"read_default_file": "django.db.backends.sqlite3"},
        # ruleid: code/py-hardcoded-credential
        "PASSWORD": "hkpass",
    },
}
