import tarfile


def unpack(archive, dest):
    with tarfile.open(archive) as t:
        # ruleid: code/py-tar-extract-all
        t.extractall(dest)


def one_member(path, dest):
    with tarfile.open(path) as t:
        member = t.getmembers()[0]
        # ruleid: code/py-tar-extract-all
        t.extract(member)
