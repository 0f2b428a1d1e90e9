import ssl


def client_context():
    # A client's context: nothing checks the server it connects to.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ruleid: code/py-tls-verification-disabled
    ctx.check_hostname = False
    # ruleid: code/py-tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def generic_context():
    # The generic protocol serves either side; a client may use it.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)
    # ruleid: code/py-tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def server_purpose_default():
    # Purpose.SERVER_AUTH (the default) is a client's context.
    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    # ruleid: code/py-tls-verification-disabled
    ctx.check_hostname = False
    return ctx


def other_name_is_server(certfile):
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(certfile)
    client = ssl.create_default_context()
    # ruleid: code/py-tls-verification-disabled
    client.verify_mode = ssl.CERT_NONE
    return server, client


def reused_name(host, sock):
    # The name held a server's context, then a client's: the client's checks are turned off.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain("server.pem")
    ctx = ssl.create_default_context()
    # ruleid: code/py-tls-verification-disabled
    ctx.check_hostname = False
    # ruleid: code/py-tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx.wrap_socket(sock, server_hostname=host)
