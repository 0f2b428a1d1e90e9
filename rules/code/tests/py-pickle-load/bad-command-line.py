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
        # ruleid: code/py-pickle-load
        return pickle.load(fp)


def load_queue(qfile):
    # Not a command: the caller may pass anything.
    with open(qfile, "rb") as fp:
        # ruleid: code/py-pickle-load
        return pickle.load(fp)
