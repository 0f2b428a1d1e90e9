from twisted.internet import protocol, reactor, ssl


class LoginProtocol(protocol.Protocol):
    def dataReceived(self, data):
        user, password = data.decode().split(':', 1)
        self.factory.check(user, password)


factory = protocol.ServerFactory.forProtocol(LoginProtocol)
# ok: code/py-tcp-server-without-tls
reactor.listenSSL(8007, factory, ssl.DefaultOpenSSLContextFactory('key.pem', 'cert.pem'))
# ok: code/py-tcp-server-without-tls
reactor.listenTCP(8008, factory, interface='127.0.0.1')
reactor.run()
