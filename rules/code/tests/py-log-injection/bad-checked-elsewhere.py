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


@app.route("/api/gateway/<name>", methods=["PUT", "DELETE"])
def gateway(name):
    # Only the DELETE branch checks the name; a PUT logs whatever the URL held.
    if request.method == "DELETE":
        if name not in DISKS:
            return "unknown", 404
    elif request.method == "PUT":
        pass
    # ruleid: code/py-log-injection
    logger.debug("gateway %s", name)
    return "ok"


@app.route("/api/portal/<name>", methods=["PUT", "DELETE"])
def portal(name):
    if request.method == "PUT":
        pass
    elif name not in DISKS:
        return "unknown", 404
    # ruleid: code/py-log-injection
    logger.debug("portal %s", name)
    return "ok"


@app.route("/api/mapping", methods=["PUT", "DELETE"])
def mapping():
    disk = request.form.get("disk")
    if request.method == "PUT":
        if disk not in DISKS:
            return "unknown disk", 400
        logger.debug("mapping %s", disk)
    # The DELETE branch reaches this line with the name unchecked.
    # ruleid: code/py-log-injection
    logger.debug("done with %s", disk)
    return "ok"


@app.route("/api/locale", methods=["POST"])
def locale_route():
    if "locale" in request.form and request.form["locale"] in DISKS:
        pass
    else:
        # The `else` of an `and`: the check may have failed.
        # ruleid: code/py-log-injection
        logger.warning("unknown locale %s", request.form["locale"])
    return "ok"


@app.route("/api/pool", methods=["PUT"])
def pool_route():
    pool = request.form.get("pool")
    if pool not in DISKS or request.method == "PUT":
        # Inside an `or`'s branch the name may be any text the client sent.
        # ruleid: code/py-log-injection
        logger.warning("unknown pool %s", pool)
        return "refused", 400
    return "ok"


@app.route("/api/volume", methods=["PUT"])
def volume_route():
    volume = request.form.get("volume")
    if volume in DISKS or request.method == "PUT":
        # Either operand may have let the request in: the name is unchecked here.
        # ruleid: code/py-log-injection
        logger.info("volume %s", volume)
    return "ok"
