import marshal
import shelve

import numpy as np
import pandas as pd
import torch


def restore(blob, path):
    code = marshal.loads(blob)
    # ruleid: code/py-audit-pickle-file
    db = shelve.open(path)
    frame = pd.read_pickle(path)
    model = torch.load(path)
    arr = np.load(path, allow_pickle=True)
    return code, db, frame, model, arr
