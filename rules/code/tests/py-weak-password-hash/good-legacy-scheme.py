import hashlib
import secrets

from passlib.context import CryptContext

CRYPT_CONTEXT = CryptContext(schemes=["argon2", "bcrypt_sha256"])


class User:
    @classmethod
    def hash_password(cls, password):
        return CRYPT_CONTEXT.hash(password)

    @classmethod
    def check_password(cls, password, hash_):
        """Hashes stored before the switch are verified with their own scheme, then replaced."""
        try:
            return CRYPT_CONTEXT.verify_and_update(password, hash_)
        except ValueError:
            method = hash_.split("$", 1)[0]
            valid = getattr(cls, "check_" + method)(password, hash_)
            return valid, CRYPT_CONTEXT.hash(password) if valid else None

    @classmethod
    def hash_sha1(cls, password):
        salt = secrets.token_hex(8)
        return "$".join(["sha1", hashlib.sha1((password + salt).encode()).hexdigest(), salt])

    @classmethod
    def check_sha1(cls, password, hash_):
        _, digest, salt = hash_.split("$", 2)
        return digest == hashlib.sha1((password + salt).encode()).hexdigest()
