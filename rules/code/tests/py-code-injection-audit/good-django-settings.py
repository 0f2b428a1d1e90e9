import os

INSTALLED_APPS = ["django.contrib.auth", "lava_server"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "lava_server.urls"
AUTH_LDAP_USER_SEARCH = None


def update(values):
    # A settings module's own start-up step, over the operator's settings file.
    search = values.get("AUTH_LDAP_USER_SEARCH")
    if search:
        values["AUTH_LDAP_USER_SEARCH"] = eval(search.encode("utf-8"))
    group_type = values.get("AUTH_LDAP_GROUP_TYPE", os.environ.get("GROUP_TYPE", ""))
    if group_type:
        exec("from django_auth_ldap.config import " + group_type.split("(", 1)[0])
        values["AUTH_LDAP_GROUP_TYPE"] = eval(group_type)
    return values
