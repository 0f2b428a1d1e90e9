import logging
import traceback

from flask import Flask, jsonify

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/items")
def items():
    try:
        return jsonify(load_items())
    except Exception:
        log.error("load failed: %s", traceback.format_exc())
        return jsonify(error="internal error"), 500
