import hashlib
from hashlib import md5


# The short names of a password (`pw`), a login view, a lambda named for what it makes.
def store(db, user, pw):
    # ruleid: code/py-weak-hash
    db.save(user, md5(pw.encode()).hexdigest())


def login(request, users):
    # ruleid: code/py-weak-hash
    h = hashlib.md5(request.form["p"].encode()).hexdigest()
    return h == users[request.form["u"]].h


# ruleid: code/py-weak-hash
hash_pw = lambda p: hashlib.md5(p.encode()).hexdigest()  # noqa: E731


# A view whose route says what it does; a method of a class named for what it protects.
@app.route("/login", methods=["POST"])
def do_it(request, users):
    # ruleid: code/py-weak-hash
    return hashlib.sha1(request.form["p"].encode()).hexdigest() == users[request.form["u"]].h


class AuthBackend:
    def hash(self, v):
        # ruleid: code/py-weak-hash
        return hashlib.sha1(v.encode()).hexdigest()
