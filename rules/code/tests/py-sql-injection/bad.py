import sqlite3
from flask import Flask, request
from django.db import connection

app = Flask(__name__)


@app.route("/user")
def user():
    uid = request.args.get("id")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    # ruleid: code/py-sql-injection
    cur.execute("SELECT * FROM users WHERE id = '%s'" % uid)
    return str(cur.fetchall())


def lookup(name):
    with connection.cursor() as cursor:
        # ruleid: code/py-sql-injection
        cursor.execute(f"SELECT * FROM people WHERE name = '{name}'")
        return cursor.fetchall()


def view(request):
    return lookup(request.GET["name"])


def search(request):
    term = request.POST.get("q", "")
    query = "SELECT * FROM app_item WHERE title LIKE '%" + term + "%'"
    # ruleid: code/py-sql-injection
    return Item.objects.raw(query)


def ordered(request):
    # ruleid: code/py-sql-injection
    return Item.objects.extra(where=["owner = '{}'".format(request.GET["owner"])])
