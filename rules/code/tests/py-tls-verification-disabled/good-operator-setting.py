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


def opener(config):
    # wget's --no-check-certificate, read from the tool's own options: the default context verifies.
    context = ssl.create_default_context()
    if config.get("no-check-certificate"):
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def session(args):
    if getattr(args, "insecure", False):
        return requests.Session().get(args.url, verify=False, timeout=5)
    return requests.Session().get(args.url, timeout=5)


class VerifiedConnection:
    # The caller's `insecure` opt-out compared with True (`is True`): the same branch as `if self.insecure:`.
    def __init__(self, host, insecure=False):
        self.host = host
        self.insecure = insecure

    def wrap(self, sock):
        if self.insecure is True:
            return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
        return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED)
