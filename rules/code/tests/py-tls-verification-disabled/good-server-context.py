import ssl


def server_context(certfile, keyfile, require_client_cert=False):
    # A server's context: CERT_NONE asks clients for no certificate, check_hostname is never read.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.verify_mode = ssl.CERT_NONE
    ctx.check_hostname = False
    ctx.load_cert_chain(certfile=certfile, keyfile=keyfile)
    if require_client_cert:
        ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def client_auth_context(certfile):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.load_cert_chain(certfile)
    return ctx


def server_with_settings(certfile, port):
    # Other names bound in between leave the server's context as it was.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    backlog = 5
    ctx.verify_mode = ssl.CERT_NONE
    ctx.load_cert_chain(certfile)
    return ctx, backlog, port
