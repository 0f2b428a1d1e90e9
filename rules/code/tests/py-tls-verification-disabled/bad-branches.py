import ssl

import requests


def members(urls, endpoint):
    # A branch on something other than a verification setting: every member is fetched unverified.
    for url in urls:
        if endpoint:
            # ruleid: code/py-tls-verification-disabled
            requests.get(url + endpoint, verify=False, timeout=5)


def tls_context(verify_cert):
    context = ssl.create_default_context()
    if verify_cert:
        # The branch taken when verification is asked for turns it off.
        # ruleid: code/py-tls-verification-disabled
        context.check_hostname = False
    return context


def legacy(url, retries):
    if retries > 3:
        pass
    else:
        # ruleid: code/py-tls-verification-disabled
        return requests.get(url, verify=False, timeout=5)


def opener(config):
    context = ssl.create_default_context()
    # Unset means unverified: the default of the setting turns verification off.
    if config.get("insecure", True):
        # ruleid: code/py-tls-verification-disabled
        context.verify_mode = ssl.CERT_NONE
    return context


def proxy(request, url):
    # The web client's own query parameter, not the operator's setting.
    if request.args.get("no-check-certificate"):
        # ruleid: code/py-tls-verification-disabled
        return requests.get(url, verify=False, timeout=5)
    return requests.get(url, timeout=5)


def wrap(sock, insecure=False):
    # The opt-out compared with False: the branch taken by default turns verification off.
    if insecure is False:
        # ruleid: code/py-tls-verification-disabled
        return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED)
