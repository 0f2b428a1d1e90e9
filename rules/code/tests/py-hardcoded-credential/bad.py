import psycopg2

# ruleid: code/py-hardcoded-credential
DB_PASSWORD = "fake-Pa55w0rd-for-tests"
# ruleid: code/py-hardcoded-credential
conn = psycopg2.connect(host="db", user="app", password="fake-Pa55w0rd-for-tests")
settings = {
    # ruleid: code/py-hardcoded-credential
    "api_key": "fake0123456789abcdef",
}


class Client:
    def __init__(self):
        # ruleid: code/py-hardcoded-credential
        self.client_secret = "fake-client-secret-value"


# A dot in a password is not a file name: only a known file extension ends one.
# ruleid: code/py-hardcoded-credential
ADMIN_PASSWORD = "Tr0ub4dor.and3"
# ruleid: code/py-hardcoded-credential
api_token = "ab12cd34.ef56gh78"
# A dotted value with capitals or digits, or a sigil that names nothing: a password someone chose.
# ruleid: code/py-hardcoded-credential
SMTP_PASSWORD = "Blue.Horse.Staple9"
# ruleid: code/py-hardcoded-credential
KITE_SECRET = "@x7Gq2pLm"
# A leaving-out word inside a real value, or not alone in its brackets: a password someone chose.
# ruleid: code/py-hardcoded-credential
ADMIN_PASSWORD = "snip(2023)!"
# ruleid: code/py-hardcoded-credential
BACKUP_PASSWORD = "(snip)Kx81"
# A short run of zeros is a weak password, not an unset key.
# ruleid: code/py-hardcoded-credential
ADMIN_PASSWORD = "00000000"
