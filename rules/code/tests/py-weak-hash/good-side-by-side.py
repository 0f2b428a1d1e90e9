import base64
import hashlib


class FileContents:
    def _ensure_hashes(self):
        # MD5 and SHA-1 listed beside the SHA-384 integrity value of the same bytes: checksums side by side.
        with open(self.filename, "rb") as f:
            md5 = hashlib.md5()
            sha1 = hashlib.sha1()
            sha384 = hashlib.sha384()
            while True:
                chunk = f.read(16384)
                if not chunk:
                    break
                md5.update(chunk)
                sha1.update(chunk)
                sha384.update(chunk)
        self.md5 = md5.hexdigest()
        self.sha1 = sha1.hexdigest()
        self.integrity = "sha384-" + base64.b64encode(sha384.digest()).decode("ascii")
