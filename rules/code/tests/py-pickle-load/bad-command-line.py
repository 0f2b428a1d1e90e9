import pickle

import click
import requests


@click.command()
@click.argument("url")
def fetch(url):
    # A command run by the operator, but the bytes come from the network.
    data = requests.get(url).content
    # ruleid: code/py-pickle-load
    return pickle.loads(data)


@click.command()
@click.option("--name")
def cached(name, settings):
    # A file opened from a setting, not from the command's own argument.
    with open(settings.cache_path, "rb") as fp:
        # a file read: the audit profile's code/py-audit-pickle-file
        return pickle.load(fp)


def load_queue(qfile):
    # Not a command: the caller may pass anything.
    with open(qfile, "rb") as fp:
        # a file read: the audit profile's code/py-audit-pickle-file
        return pickle.load(fp)


@click.command()
@click.argument("name")
def restore(name, verbose=False):
    # A path the command builds from a download folder, not the argument itself.
    path = "/srv/downloads/latest.pck"
    with open(path, "rb") as fp:
        # a file read: the audit profile's code/py-audit-pickle-file
        return pickle.load(fp)
