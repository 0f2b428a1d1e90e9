import os
import stat
import unittest


class ArchiverTestCase(unittest.TestCase):
    def setUp(self):
        os.mkdir(self.input_path)
        os.chmod(self.input_path, 0o777)  # avoid troubles with fakeroot / FUSE

    def test_mode_change_reported(self):
        st = os.stat("input/file1")
        os.chmod("input/file1", st.st_mode ^ stat.S_IRWXO)
        os.chmod("input/test_file", 0o777)
