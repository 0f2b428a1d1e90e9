import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
DISKS = {"rbd/disk_1": {"size": "1G"}}


@app.route("/api/targetlun", methods=["PUT"])
def target_lun():
    disk = request.form.get("disk")
    # Past this check the name is a key of the program's own table: no line break from the client.
    if disk not in DISKS:
        return "unknown disk", 400
    logger.debug("%s size is %s", disk, DISKS[disk]["size"])
    return "ok"


@app.route("/api/group/<name>", methods=["DELETE"])
def delete_group(name):
    if name in DISKS:
        logger.debug("group %s removed", name)
    return "ok"


@app.route("/api/disk", methods=["PUT", "DELETE"])
def disk_route():
    disk = request.form.get("disk")
    if request.method == "PUT":
        # Checked inside the branch: the rest of this branch logs a configured disk's name.
        if disk not in DISKS:
            return "unknown disk", 400
        logger.debug("%s will be mapped", disk)
    return "ok"


@app.route("/api/lun", methods=["PUT"])
def lun_route():
    disk = request.form.get("disk")
    try:
        # A check in a `try` block guards the code after the whole `try`.
        if disk not in DISKS:
            return "unknown disk", 400
    except KeyError:
        return "error", 500
    logger.debug("lun for %s", disk)
    return "ok"


@app.route("/api/locale", methods=["POST"])
def locale_route():
    # The check is one operand of an `and`: where the condition holds, the value is one of the program's own.
    if "locale" in request.form and request.form["locale"] in DISKS:
        locale = request.form["locale"]
    else:
        locale = "en"
    logger.debug("uses locale %s", locale)
    return "ok"


@app.route("/api/pool", methods=["PUT"])
def pool_route():
    pool = request.form.get("pool")
    # A rejection in an `or`: past the `return`, both operands were false, so the name is a known one.
    if not pool or pool not in DISKS:
        return "unknown pool", 400
    logger.debug("pool %s", pool)
    return "ok"
