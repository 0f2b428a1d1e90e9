import os


# A module function named for a test, or a method of a class not named for tests: not known to be a test's.
def test_socket(path):
    # ruleid: code/py-insecure-file-permissions
    os.chmod(path, 0o777)


class Server:
    def setUp(self, path):
        # ruleid: code/py-insecure-file-permissions
        os.chmod(path, 0o777)
