import importlib
from importlib import import_module


def plugin(name):
    # ruleid: code/py-audit-dynamic-import
    mod = importlib.import_module(name)
    # ruleid: code/py-audit-dynamic-import
    other = import_module("plugins." + name)
    # ruleid: code/py-audit-dynamic-import
    return mod, other, __import__(name)
