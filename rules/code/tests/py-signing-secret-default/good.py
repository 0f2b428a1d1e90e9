import os
import secrets

import jwt
from flask import Flask

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = os.environ.get("DEBUG", "false")
DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///db.sqlite3")

app = Flask(__name__)
app.secret_key = os.environ.get("FLASK_SECRET") or secrets.token_hex(32)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "")
app.config.update(SESSION_COOKIE_NAME=os.getenv("COOKIE_NAME", "session"))


def issue(user):
    return jwt.encode({"sub": user}, os.environ.get("TOKEN_SECRET"), algorithm=os.getenv("JWT_ALG", "HS256"))
