from twisted.application import internet, service
from twisted.internet import reactor, ssl
from twisted.web import server

from webui.auth import Auth
from webui.resources import Root


class WebUI:
    def __init__(self, config):
        self.auth = Auth(config)
        self.site = server.Site(Root(self.auth))
        self.port = config['port']
        self.https = config['https']

    def start(self):
        # TLS only when the operator turned it on: the default login page is served in clear.
        if self.https:
            reactor.listenSSL(self.port, self.site, ssl.DefaultOpenSSLContextFactory('key.pem', 'cert.pem'))
        else:
            # ruleid: code/py-tcp-server-without-tls
            reactor.listenTCP(self.port, self.site)


if __name__ == '__builtin__':
    ui = WebUI({'port': 8112, 'https': False})
    application = service.Application('webui')
    # ruleid: code/py-tcp-server-without-tls
    internet.TCPServer(ui.port, ui.site).setServiceParent(application)
