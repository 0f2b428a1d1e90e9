import ldap
from django.contrib.auth.middleware import RemoteUserMiddleware


class ProxyUserMiddleware(RemoteUserMiddleware):
    """A header is the client's: `X-Remote-User` becomes HTTP_X_REMOTE_USER, whatever a proxy meant it to be."""

    header = "HTTP_X_REMOTE_USER"

    def process_request(self, request):
        conn = ldap.initialize("ldap://directory.internal")
        user = request.META.get(self.header)
        # ruleid: code/py-ldap-injection
        conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "uid={}".format(user))


class OtherMiddleware:
    """An attribute of another class than the one reading it says nothing of this one's."""

    def process_request(self, request):
        conn = ldap.initialize("ldap://directory.internal")
        # ruleid: code/py-ldap-injection
        conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=%s)" % request.META.get(self.cert_header))


def query_string(request):
    conn = ldap.initialize("ldap://directory.internal")
    # ruleid: code/py-ldap-injection
    conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=%s)" % request.META["QUERY_STRING"])
