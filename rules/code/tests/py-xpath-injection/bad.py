from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("users.xml")


@app.route("/user")
def user():
    name = request.args.get("name")
    # ruleid: code/py-xpath-injection
    return str(tree.xpath("//user[@name='%s']" % name))
