from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import ec, rsa

key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
ekey = ec.generate_private_key(ec.SECP256R1())
new = RSA.generate(2048)
