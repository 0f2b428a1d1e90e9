from twisted.internet import protocol, reactor


class LoginProtocol(protocol.Protocol):
    def dataReceived(self, data):
        user, password = data.decode().split(':', 1)
        self.factory.check(user, password)


factory = protocol.ServerFactory.forProtocol(LoginProtocol)
# ruleid: code/py-tcp-server-without-tls
reactor.listenTCP(8007, factory)
reactor.run()
