import json

import numpy as np
import pandas as pd
import torch


def restore(blob, path):
    data = json.loads(blob)
    frame = pd.read_csv(path)
    model = torch.load(path, weights_only=True)
    arr = np.load(path)
    return data, frame, model, arr
