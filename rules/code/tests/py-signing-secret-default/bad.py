import os

import jwt
from flask import Flask

# ruleid: code/py-signing-secret-default
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-abc123")

app = Flask(__name__)
# ruleid: code/py-signing-secret-default
app.secret_key = os.getenv("FLASK_SECRET", "dev")
# ruleid: code/py-signing-secret-default
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or "dev-key"
# ruleid: code/py-signing-secret-default
app.config.update(SECRET_KEY=os.getenv("SECRET_KEY", "x-dev"))
# ruleid: code/py-signing-secret-default
JWT_KEY = os.environ.get("JWT_KEY", "jwt-signing-key")


def issue(user):
    # ruleid: code/py-signing-secret-default
    return jwt.encode({"sub": user}, os.environ.get("TOKEN_SECRET", "literal"), algorithm="HS256")
