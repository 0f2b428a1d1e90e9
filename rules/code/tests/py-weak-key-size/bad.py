from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

# ruleid: code/py-weak-key-size
key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ruleid: code/py-weak-key-size
dkey = dsa.generate_private_key(key_size=1024)
# ruleid: code/py-weak-key-size
ekey = ec.generate_private_key(ec.SECP192R1())
# ruleid: code/py-weak-key-size
old = RSA.generate(1024)
