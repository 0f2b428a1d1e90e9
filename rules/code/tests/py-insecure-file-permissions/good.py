import os
import stat
from pathlib import Path

os.chmod("/var/run/app.sock", 0o660)
os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
os.makedirs("/srv/uploads", 0o750, exist_ok=True)
Path("config.ini").chmod(0o600)
