from twisted.internet import reactor
from twisted.internet.protocol import Factory
from twisted.protocols.basic import LineReceiver


class Metrics(LineReceiver):
    def lineReceived(self, line):
        name, value = line.split(b' ', 1)
        self.factory.gauges[name] = float(value)


factory = Factory.forProtocol(Metrics)
factory.gauges = {}
# A line protocol of counters, with nothing TLS would protect.
# ok: code/py-tcp-server-without-tls
reactor.listenTCP(2003, factory)
reactor.run()
