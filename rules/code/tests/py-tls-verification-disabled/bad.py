import ssl

import requests


def fetch(url):
    # ruleid: code/py-tls-verification-disabled
    return requests.get(url, verify=False, timeout=5)


def context():
    # ruleid: code/py-tls-verification-disabled
    return ssl._create_unverified_context()
