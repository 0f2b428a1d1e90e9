# One password written under several credential keys of a long configuration is a reused password, not a
# category: the members that share it name credentials themselves (review41).
SETTINGS = {
    'host': 'db.acmecorp.example',
    'user': 'deploy',
    # ruleid: code/py-hardcoded-credential
    'password': 'fake-Reu5ed-pw',
    # ruleid: code/py-hardcoded-credential
    'secret': 'fake-Reu5ed-pw',
    # ruleid: code/py-hardcoded-credential
    'client_secret': 'fake-Reu5ed-pw',
    'ssl': 'true',
    'debug': 'true',
    'cache': 'true',
}
