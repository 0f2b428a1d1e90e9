from flask import Flask, redirect, url_for

app = Flask(__name__)
HOME = "/home"


@app.route("/a")
def a():
    return redirect(url_for("index"))


@app.route("/b")
def b():
    return redirect("/login") or redirect(HOME)
