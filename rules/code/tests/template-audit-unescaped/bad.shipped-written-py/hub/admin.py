import os

from flask import Blueprint, current_app, request

admin = Blueprint("admin", __name__)


@admin.route("/admin/style", methods=["POST"])
def upload_style():
    # The "shipped" stylesheet is whatever the last upload was: `</style><script>` included.
    request.files["style"].save(os.path.join(current_app.static_folder, "custom.css"))
    return "saved"
