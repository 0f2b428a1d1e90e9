import os

# With the umask cleared, 0o666 is what the file gets: writable by every local user.
os.umask(0)
# ruleid: code/py-insecure-file-permissions
fd = os.open("/var/spool/app/queue", os.O_CREAT | os.O_WRONLY, 0o666)
os.close(fd)
