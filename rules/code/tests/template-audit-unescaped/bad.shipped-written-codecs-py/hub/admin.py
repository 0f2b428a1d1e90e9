import codecs
import os

from flask import Blueprint, request

admin = Blueprint("admin", __name__)
STATIC = os.path.join(os.path.dirname(__file__), "static")


# The "shipped" stylesheet is whatever the last admin wrote, `</style><script>` included.
@admin.route("/admin/style", methods=["POST"])
def save_style():
    with codecs.open(os.path.join(STATIC, "custom.css"), "w", "utf-8") as out:
        out.write(request.form["css"])
    return "saved"
