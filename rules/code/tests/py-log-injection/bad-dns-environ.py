import logging

LOG = logging.getLogger(__name__)


class NotifyHandler:
    def _handle_notify(self, request, which):
        # Another key of the environ: what the client sent.
        # ruleid: code/py-log-injection
        LOG.warning("NOTIFY for %s", request.environ["names"][0])
        # An address key's item held in a name: not read as the host or port.
        # ruleid: code/py-log-injection
        LOG.warning("from %s", request.environ["addr"][which])
        # A key that only contains the word.
        # ruleid: code/py-log-injection
        LOG.warning("from %s", request.environ["addr_claimed"][0])
