import os

from flask import Flask

# Real keys that do not ask to be replaced are code/py-hardcoded-secret-key's (high), not placeholders.
SECRET_KEY = "django-insecure-5v@0x!k2q#m8n$z1w7c4r9t3y6u"
app = Flask(__name__)
app.secret_key = "s3cr3t-Exchange-Rate-92"
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
# A value of letters and `_` only is taken for a setting's name, by both rules.
SECRET_KEY = 'changeme'
