from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient().shop


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    # ruleid: code/py-nosql-injection
    user = db.users.find_one({"name": body["name"], "password": body["password"]})
    return {"ok": user is not None}
