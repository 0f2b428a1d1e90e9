import jwt


def current_user(token):
    # ruleid: code/py-jwt-decode-without-verify
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]
