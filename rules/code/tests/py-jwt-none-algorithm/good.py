import jwt


def check(token, key):
    return jwt.decode(token, key, algorithms=["HS256"])
