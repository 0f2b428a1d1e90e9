import importlib

DEFAULT = "json"


def load():
    return importlib.import_module("json"), importlib.import_module(DEFAULT), __import__("os")
