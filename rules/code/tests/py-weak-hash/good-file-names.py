import hashlib
import os
from urllib.parse import urlparse

from django.core.cache import cache


def lock_for(lock_dir, source_url):
    # The digest of a host name names its lock file: an identifier.
    url = urlparse(source_url)
    md5 = hashlib.md5(url.netloc.encode("ascii"))
    lock_file = os.path.join(lock_dir, md5.hexdigest() + ".lck")
    return lock_file


def lookup(server, database, query):
    # The digest of a query is its cache key.
    key = hashlib.md5(("%s/%s/%s" % (server, database, query)).encode())
    key = key.hexdigest()
    result = cache.get("lookup/" + key)
    return result


class Tiles:
    def send_tile_request(self, cache_identifier, tile_coords):
        # A digest named as an identifier.
        identifier = hashlib.sha1(str((cache_identifier, tile_coords)).encode("ascii")).hexdigest()
        return {"command": "tile", "id": identifier}
