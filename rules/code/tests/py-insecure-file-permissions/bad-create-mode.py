import os

# Executable as well as writable by everyone, beyond what open() asks for.
# ruleid: code/py-insecure-file-permissions
fd = os.open("hook.sh", os.O_CREAT | os.O_WRONLY, 0o777)
os.close(fd)
