# A password two other members also have is still a password in a short object (a seed account), and one
# only one other member has is a password in a long table.
SEED = {
    # ruleid: code/py-hardcoded-credential
    'password': 'fake-adm1n-seed',
    'username': 'fake-adm1n-seed',
    'display_name': 'fake-adm1n-seed',
}

TABLE = {
    'a': 'site',
    'b': 'site',
    'c': 'site',
    'd': 'site',
    'e': 'site',
    'f': 'theme',
    'g': 'amp',
    # ruleid: code/py-hardcoded-credential
    'password': 'fake-Sh4red-pw',
    'h': 'labs',
    'backup_password': 'fake-Sh4red-pw',
}
