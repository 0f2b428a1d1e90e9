from twisted.conch.manhole import Manhole
from twisted.conch.manhole_ssh import ConchFactory, TerminalRealm
from twisted.cred import checkers, portal
from twisted.internet import reactor


def start(settings):
    # A shell over SSH for the operator: the password check and the session are inside SSH's encryption.
    realm = TerminalRealm()
    realm.chainedProtocolFactory.protocolFactory = lambda _: Manhole({})
    checker = checkers.InMemoryUsernamePasswordDatabaseDontUse()
    checker.addUser(settings.user, settings.password)
    p = portal.Portal(realm)
    p.registerChecker(checker)
    factory = ConchFactory(p)
    # ok: code/py-tcp-server-without-tls
    reactor.listenTCP(settings.port, factory, interface=settings.interface)
