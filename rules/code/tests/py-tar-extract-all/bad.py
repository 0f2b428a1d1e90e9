import tarfile


def unpack(archive, dest):
    with tarfile.open(archive) as t:
        # ruleid: code/py-tar-extract-all
        t.extractall(dest)
