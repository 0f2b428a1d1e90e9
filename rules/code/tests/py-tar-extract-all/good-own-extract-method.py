import tarfile
from tempfile import mkdtemp


class ArchiveImportTask:
    def extract(self):
        archive = tarfile.open(self.path)
        try:
            # A member filter keeps this one quiet; without it this line is the finding.
            archive.extractall(mkdtemp(), filter="data")
        finally:
            archive.close()


def import_archive(path):
    task = ArchiveImportTask(path)
    # The program's own method of that name: tarfile's extract needs the member to write.
    task.extract()
