import os

# The umask is put back only after the file is created: the file is created under umask 0.
old = os.umask(0)
# ruleid: code/py-insecure-file-permissions
fd = os.open("/var/spool/app/queue", os.O_CREAT | os.O_WRONLY, 0o666)
os.umask(old)
os.close(fd)
