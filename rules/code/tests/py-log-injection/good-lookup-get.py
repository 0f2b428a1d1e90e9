import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
CONFIG = {"disks": {"rbd/disk_1": {"size": "1G"}}, "groups": {}}


@app.route("/api/disk/<pool>/<image>", methods=["PUT"])
def disk(pool, image):
    image_id = "{}/{}".format(pool, image)
    # Past this lookup the name is a key of the program's own table: no line break from the client.
    found = CONFIG["disks"].get(image_id, None)
    if not found:
        return jsonify(message="not found"), 404
    logger.error("LUN size unknown - {}".format(image_id))
    return "ok"


@app.route("/api/group/<name>", methods=["DELETE"])
def group(name):
    if not CONFIG["groups"].get(name):
        return jsonify(message="not found"), 404
    logger.debug("Group definition {} removed".format(name))
    return "ok"
