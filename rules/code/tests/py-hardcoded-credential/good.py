import os

import psycopg2

DB_PASSWORD = os.environ["DB_PASSWORD"]
PASSWORD_FIELD = "password"
conn = psycopg2.connect(host="db", user="app", password=os.environ.get("DB_PASSWORD"))
settings = {"api_key": os.getenv("API_KEY"), "password": ""}
form_password = "{password}"
token = None
password_hint = "Use at least 12 characters"
# A search engine module whose key the operator sets in settings.yml; the module ships it unset.
api_key = "unset"
PRIVATE_KEY = "not_set"


def test_login():
    password = "fake-test-only-value"
    return password
redacted_password = ":****"
# File names and paths: the template or key file named, not a credential.
credentials = "project/api_access/recreate_credentials.html"
private_key = "certs/server.key"
client_secret = "client_secret.json"
# A module path (the prefix of Django's password validators' names), and a placeholder a tool replaces.
_pwd = "django.contrib.auth.password_validation"
KITE_SECRET = "@kitesecret"
DB_PASSWORD = "@db_password@"
# A value that says it was cut out (a download test's parameters that need a real account).
LOGIN_PARAMS = {"username": "someone@example.org", "password": "(snip)"}
API_TOKEN = "[omitted]"
# An all-zero key of 16 or more characters: the unset key a configuration file replaces.
DNS_RNDC_SECRET = "00000000000000000000000000000000"
