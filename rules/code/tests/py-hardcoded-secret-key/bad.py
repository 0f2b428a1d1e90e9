from flask import Flask

app = Flask(__name__)
# ruleid: code/py-hardcoded-secret-key
app.secret_key = "k9#Lp2vQ8zR4mW7x"
# ruleid: code/py-hardcoded-secret-key
SECRET_KEY = "django-insecure-placeholder-value"
# A word that only contains "change" is no instruction to replace the key.
# ruleid: code/py-hardcoded-secret-key
app.config["SECRET_KEY"] = "exchange-rates-2019"
