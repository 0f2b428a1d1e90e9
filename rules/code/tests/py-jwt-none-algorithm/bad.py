import jwt


def check(token, key):
    # ruleid: code/py-jwt-none-algorithm
    return jwt.decode(token, key, algorithms=["HS256", "none"])
