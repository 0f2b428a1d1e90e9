import ssl

import requests


def fetch(url):
    return requests.get(url, verify="/etc/ssl/internal-ca.pem", timeout=5)


def context():
    return ssl.create_default_context()
