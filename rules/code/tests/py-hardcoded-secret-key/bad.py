from flask import Flask

app = Flask(__name__)
# ruleid: code/py-hardcoded-secret-key
app.secret_key = "change-me-please"
# ruleid: code/py-hardcoded-secret-key
SECRET_KEY = "django-insecure-placeholder-value"
