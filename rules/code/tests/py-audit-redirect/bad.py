from flask import Flask, redirect, request, session

app = Flask(__name__)


@app.route("/next")
def nxt():
    target = session.get("next")
    # ruleid: code/py-audit-redirect
    return redirect(target)
