import jwt


def current_user(token, public_key):
    claims = jwt.decode(token, public_key, algorithms=["RS256"])
    return claims["sub"]
