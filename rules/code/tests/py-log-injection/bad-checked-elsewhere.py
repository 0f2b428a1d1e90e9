import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
BANNED = {"root"}
DISKS = {"rbd/disk_1": {"size": "1G"}}


@app.route("/api/user", methods=["PUT"])
def add_user():
    name = request.form.get("name")
    # A deny-list: a name that is not banned is still anything the client sent.
    if name in BANNED:
        return "refused", 403
    # ruleid: code/py-log-injection
    logger.info("adding user %s", name)
    return "ok"


@app.route("/api/disk", methods=["DELETE"])
def delete_disk():
    disk = request.form.get("disk")
    # Logged before the check.
    # ruleid: code/py-log-injection
    logger.debug("delete request for %s", disk)
    if disk not in DISKS:
        return "unknown disk", 400
    return "ok"
