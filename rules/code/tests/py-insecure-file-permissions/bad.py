import os
import stat
from pathlib import Path

# ruleid: code/py-insecure-file-permissions
os.chmod("/var/run/app.sock", 0o777)
# ruleid: code/py-insecure-file-permissions
os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
# ruleid: code/py-insecure-file-permissions
os.makedirs("/srv/uploads", 0o777, exist_ok=True)
# ruleid: code/py-insecure-file-permissions
Path("config.ini").chmod(0o666)
