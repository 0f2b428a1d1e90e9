from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("users.xml")


@app.route("/user")
def user():
    return str(tree.xpath("//user[@name=$name]", name=request.args.get("name")))
