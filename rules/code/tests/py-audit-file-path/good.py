import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))


def load():
    with open("settings.ini") as f:
        text = f.read()
    with open(os.path.join(os.path.dirname(__file__), "data.json")) as f:
        text += f.read()
    with open(os.path.join(BASE_DIR, "templates", "index.html")) as f:
        text += f.read()
    os.makedirs(BASE_DIR, exist_ok=True)
    return text
