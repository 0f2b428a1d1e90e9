import ssl

# ruleid: code/py-weak-tls-version
ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
# ruleid: code/py-weak-tls-version
ctx.minimum_version = ssl.TLSVersion.TLSv1
