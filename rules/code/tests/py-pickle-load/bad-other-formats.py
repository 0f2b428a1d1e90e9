import marshal
import shelve

import numpy as np
import pandas as pd
import torch


def restore(blob, path):
    # ruleid: code/py-pickle-load
    code = marshal.loads(blob)
    # a file read: the audit profile's code/py-audit-pickle-file
    db = shelve.open(path)
    # ruleid: code/py-pickle-load
    frame = pd.read_pickle(path)
    # ruleid: code/py-pickle-load
    model = torch.load(path)
    # ruleid: code/py-pickle-load
    arr = np.load(path, allow_pickle=True)
    return code, db, frame, model, arr
