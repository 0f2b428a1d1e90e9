import hashlib
import os
from base64 import b32encode
from hashlib import md5, sha1


class Worker:
    def configure(self, name):
        # A six-character prefix names a container: no collision resistance is asked of it.
        self.masterhash = hashlib.sha1(name.encode()).hexdigest()[:6]

    def shorten(self, value, length):
        return value[: length // 2] + hashlib.sha1(value.encode()).hexdigest()[: length // 2]


def usage_report(host):
    installid = hashlib.sha1(host.encode()).hexdigest()
    return {"installid": installid}


def etag(resource):
    etag = hashlib.sha1(repr(resource).encode()).hexdigest()
    resource["http_etag"] = etag
    return resource


def respond(response, body):
    response["ETag"] = hashlib.md5(body).hexdigest()
    return response


def remember(entry, body):
    entry.http_etag = hashlib.md5(body).hexdigest()
    entry.bodyETag = hashlib.sha1(body).hexdigest()
    return entry


def enqueue(queue_dir, now, data):
    filebase = now + "+" + hashlib.sha1(data).hexdigest()
    return os.path.join(queue_dir, filebase + ".pck")


class Service:
    @classmethod
    def getName(cls, *args):
        _hash = hashlib.sha1()
        for arg in args:
            _hash.update(str(arg).encode())
        return cls.__name__ + "_" + _hash.hexdigest()


def tree_nodes(names):
    nodes = []
    for name in names:
        m = md5()
        m.update(name.encode("utf-8"))
        nodes.append({"text": name, "id": "user." + m.hexdigest()})
    return nodes


def message_id_hash(message_id):
    return b32encode(sha1(message_id.encode("utf-8")).digest()).decode("ascii")


def get_message_id_hash(msg_id):
    return b32encode(sha1(msg_id).digest()).decode("utf-8")


def avatar(email):
    email_hash = hashlib.md5(email.lower().encode())
    return "//www.gravatar.com/avatar/" + email_hash.hexdigest()


class Track:
    def __init__(self, **kwargs):
        # A lookup key: the digest of a path, stored to find the row by path.
        kwargs["_path_hash"] = sha1(kwargs["path"].encode("utf-8")).digest()
        self.kwargs = kwargs

    def __setattr__(self, attr, value):
        object.__setattr__(self, attr, value)
        if attr == "path":
            object.__setattr__(self, "_path_hash", sha1(value.encode("utf-8")).digest())


def lyrics_key(artist, title):
    # A stable, filesystem-safe identifier for an artist and title.
    unique = hashlib.md5((artist + title).lower().encode("utf-8")).hexdigest()
    url_hash = md5(artist.encode()).hexdigest()
    return unique + url_hash


def new_salt():
    # The digest of fresh random bytes is a random string.
    return hashlib.sha1(os.urandom(32)).hexdigest()


class History:
    def save(self, user, form, query):
        # The digest names a saved search's row: a lookup key.
        query_hash = md5(query.encode("utf8")).hexdigest()
        return (user, form, query, query_hash)


class Groups:
    def _name2id(self, name):
        return hashlib.md5(name.encode("utf8")).hexdigest()


class Collection:
    def _get_etag(self, name):
        digest = hashlib.md5()
        with open(name, "rb") as f:
            for chunk in f:
                digest.update(chunk)
        return digest.hexdigest()

    async def get_etag(self, body):
        h = hashlib.md5()
        h.update(body)
        return h.hexdigest()
