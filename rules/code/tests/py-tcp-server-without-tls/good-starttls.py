from twisted.internet import protocol, reactor


class MailProtocol(protocol.Protocol):
    def dataReceived(self, data):
        if data.strip() == b'STARTTLS':
            self.transport.write(b'220 ready\r\n')
            self.transport.startTLS(self.factory.tls_options)
            return
        self.factory.login(data)


factory = protocol.ServerFactory.forProtocol(MailProtocol)
# ok: code/py-tcp-server-without-tls
reactor.listenTCP(587, factory)
