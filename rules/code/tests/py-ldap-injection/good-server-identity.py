import ldap
from django.contrib.auth.middleware import RemoteUserMiddleware


class CertificateMiddleware(RemoteUserMiddleware):
    """The web server verified the client's certificate and names its subject; the client sets no such variable."""

    header = "REMOTE_USER"
    cert_header = "SSL_CLIENT_S_DN_CN"

    def process_request(self, request):
        conn = ldap.initialize("ldap://directory.internal")
        user = request.META.get(self.cert_header) or request.META.get(self.header)
        conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "uid={}".format(user))


def lookup(request):
    conn = ldap.initialize("ldap://directory.internal")
    conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=%s)" % request.META["REMOTE_USER"])
