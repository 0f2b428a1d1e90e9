import os
import shutil


def save(name, data, folder):
    # ruleid: code/py-audit-file-path
    with open(name, "wb") as f:
        f.write(data)
    # ruleid: code/py-audit-file-path
    os.remove(os.path.join(folder, name))
    # ruleid: code/py-audit-file-path
    shutil.rmtree(folder)
    # ruleid: code/py-audit-file-path
    return open(f"/srv/uploads/{name}")
