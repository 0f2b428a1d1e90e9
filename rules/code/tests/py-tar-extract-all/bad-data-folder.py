import tarfile


class Transfer:
    def unpack(self):
        # A worker's upload into a data folder: its members may climb out with `../`.
        with tarfile.open(name=self.tarname) as archive:
            # ruleid: code/py-tar-extract-all
            archive.extractall(path=self.destroot)


def restore(backup, plugin_name):
    # Named after a plugin, but the target is the backup's own folder.
    with tarfile.open(backup) as t:
        # ruleid: code/py-tar-extract-all
        t.extractall("/var/lib/app/" + plugin_name)
