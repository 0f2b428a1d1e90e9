import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
CONFIG = {"disks": {"rbd/disk_1": {"size": "1G"}}}


@app.route("/api/disk/<pool>/<image>", methods=["PUT"])
def disk(pool, image):
    image_id = "{}/{}".format(pool, image)
    # A key of the client's own data proves nothing: the client wrote both.
    if not request.json.get(image_id):
        return jsonify(message="missing"), 400
    # ruleid: code/py-log-injection
    logger.error("no value for {}".format(image_id))
    # Found, it goes on; missing, it goes on too: no check.
    found = CONFIG["disks"].get(image_id)
    if found:
        logger.debug("found")
    # ruleid: code/py-log-injection
    logger.debug("asked for {}".format(image_id))
    return "ok"
