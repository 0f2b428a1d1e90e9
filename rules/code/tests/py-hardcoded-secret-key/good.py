import os

from flask import Flask

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")
