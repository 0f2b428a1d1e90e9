# A settings module: the operator's LDAP search, evaluated once at start-up.
AUTH_LDAP_USER_SEARCH = ""
AUTH_LDAP_GROUP_SEARCH = ""

if AUTH_LDAP_USER_SEARCH:
    AUTH_LDAP_USER_SEARCH = eval(AUTH_LDAP_USER_SEARCH.encode("utf-8"))

if AUTH_LDAP_GROUP_SEARCH:
    AUTH_LDAP_GROUP_SEARCH = eval(AUTH_LDAP_GROUP_SEARCH)
