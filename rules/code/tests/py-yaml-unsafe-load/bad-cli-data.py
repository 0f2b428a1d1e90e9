import argparse
import sys

import yaml
from flask import Flask, request

app = Flask(__name__)
parser = argparse.ArgumentParser()
parser.add_argument("--config")
parser.add_argument("file")
parser.add_argument("--conflicts")
args = parser.parse_args()

# A file argument the program works on, not its configuration: a document from anyone.
with open(args.file) as f:
    # ruleid: code/py-yaml-unsafe-load
    data = yaml.load(f, Loader=yaml.FullLoader)

# A name that only starts like one: the conflicts the user lists, not the program's configuration.
with open(args.conflicts) as f:
    # ruleid: code/py-yaml-unsafe-load
    conflicts = yaml.load(f, Loader=yaml.Loader)

# The configuration file opened, but another stream loaded under it.
with open(args.config) as f:
    # ruleid: code/py-yaml-unsafe-load
    extra = yaml.load(sys.stdin, Loader=yaml.Loader)


# `args` here is the request's query, not the command line.
@app.route("/load")
def load():
    opts = request.args
    # ruleid: code/py-yaml-unsafe-load
    return yaml.load(open(opts.config), Loader=yaml.Loader)
