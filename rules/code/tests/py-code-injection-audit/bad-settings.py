AUTH_LDAP_USER_SEARCH = ""


def search(query):
    # Inside a function a request may call: the value is not known to be the start-up setting.
    # ruleid: code/py-code-injection-audit
    return eval(QUERY_TEMPLATE.encode("utf-8"))


# A lower-case name at the top level is any value, not a setting.
# ruleid: code/py-code-injection-audit
result = eval(expression)
