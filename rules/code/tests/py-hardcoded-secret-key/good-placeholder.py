from flask import Flask

# Placeholders that ask the deployer to set a key are reported by code/py-placeholder-secret-key, at medium.
SECRET_KEY = 'SET THIS TO A RANDOM STRING'
app = Flask(__name__)
app.secret_key = "change-me-please"
app.config["JWT_SECRET_KEY"] = "<your secret key>"
