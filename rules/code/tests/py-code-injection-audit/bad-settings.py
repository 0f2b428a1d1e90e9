AUTH_LDAP_USER_SEARCH = ""


def search(request, query):
    # Inside a function a request may call: the value is not known to be the start-up setting.
    # ruleid: code/py-code-injection-audit
    return eval(QUERY_TEMPLATE.encode("utf-8"))

