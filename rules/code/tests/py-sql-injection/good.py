import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    uid = request.args.get("id")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE id = ?", (uid,))
    return str(cur.fetchall())


@app.route("/page")
def page():
    limit = int(request.args.get("limit", "10"))
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("SELECT * FROM items LIMIT %d" % limit)
    return "ok"


def search(request):
    term = request.POST.get("q", "")
    return Item.objects.raw("SELECT * FROM app_item WHERE title LIKE %s", ["%" + term + "%"])


def report():
    table = "items"
    cur = sqlite3.connect("app.db").cursor()
    cur.execute("SELECT count(*) FROM " + table)
