import ssl

import requests


def tls_context(verify_cert):
    # The operator's smtp_verify_cert setting chooses; verification is on unless it is turned off.
    context = ssl.create_default_context()
    if verify_cert:
        context.verify_mode = ssl.CERT_REQUIRED
    else:
        context.verify_mode = ssl.CERT_NONE
    return context


class Client:
    def __init__(self, config):
        self.config = config

    def get(self, url):
        if not self.config.verify_ssl:
            return requests.get(url, verify=False, timeout=5)
        return requests.get(url, timeout=5)

    def fetch(self, url, insecure=False):
        if insecure:
            return requests.get(url, verify=False, timeout=5)
        return requests.get(url, timeout=5)
