import tarfile
import zipfile


def unpack(archive, dest):
    with tarfile.open(archive) as t:
        t.extractall(dest, filter="data")


def unzip(archive, dest):
    with zipfile.ZipFile(archive) as z:
        z.extractall(dest)
