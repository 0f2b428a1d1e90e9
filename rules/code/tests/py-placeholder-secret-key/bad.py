import jwt
from flask import Flask

# The shipped settings file's key, with the instruction to replace it as its value.
# ruleid: code/py-placeholder-secret-key
SECRET_KEY = 'SET THIS TO A RANDOM STRING'

app = Flask(__name__)
# ruleid: code/py-placeholder-secret-key
app.secret_key = "change-me-please"
# ruleid: code/py-placeholder-secret-key
app.config["JWT_SECRET_KEY"] = "<your secret key>"


def token(user):
    # ruleid: code/py-placeholder-secret-key
    return jwt.encode({"sub": user}, "your-secret-key-here", algorithm="HS256")
