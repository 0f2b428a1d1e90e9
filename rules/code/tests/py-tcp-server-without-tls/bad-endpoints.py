from twisted.internet import reactor
from twisted.internet.endpoints import TCP4ServerEndpoint, TCP6ServerEndpoint

from chat.server import ChatFactory


def main(args):
    # The room password a client sends in its hello: read by anyone on the path without TLS.
    factory = ChatFactory(args.port, args.password)
    # ruleid: code/py-tcp-server-without-tls
    TCP6ServerEndpoint(reactor, int(args.port)).listen(factory)
    # ruleid: code/py-tcp-server-without-tls
    TCP4ServerEndpoint(reactor, int(args.port)).listen(factory)
    reactor.run()
