import os

# The mode the built-in open() creates files with: the umask narrows it (0o644 under umask 022).
fd = os.open("app.db", os.O_WRONLY | os.O_NONBLOCK | os.O_CREAT, 0o666)
os.close(fd)
fd = os.open("state.json", os.O_CREAT | os.O_WRONLY, mode=0o666)
os.close(fd)

# Reading the umask: set to 0 and put back at once, so the file above is created under the real umask.
mask = os.umask(0)
os.umask(mask)
