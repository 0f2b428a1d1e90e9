API_KEY = "fake-app-key-0004"
# A secret, a token or a password beside it stays reported.
# ruleid: code/py-hardcoded-credential
API_SECRET = "fake-app-secret-0005"
# ruleid: code/py-hardcoded-credential
API_TOKEN = "fake-token-0006"
