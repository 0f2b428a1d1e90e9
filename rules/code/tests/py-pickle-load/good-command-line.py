import pickle

import click


@click.command(help="Get information out of a queue file.")
@click.argument("qfile")
def qfile(doprint, interactive, qfile):
    # The operator names the file on the command line.
    with open(qfile, "rb") as fp:
        # ok: code/py-pickle-load
        return pickle.load(fp)


@click.command()
@click.argument("listspec")
@click.argument("pickle_file", type=click.File(mode="rb"))
def import21(listspec, pickle_file):
    # A click.File handle the command line opened.
    # ok: code/py-pickle-load
    return pickle.load(pickle_file, encoding="utf-8", errors="ignore")
