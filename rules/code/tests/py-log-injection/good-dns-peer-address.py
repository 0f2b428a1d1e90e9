import logging

LOG = logging.getLogger(__name__)


class NotifyHandler:
    # A DNS server's handler: the server put the peer address from `recvfrom` in the request's environ.
    def _handle_notify(self, request):
        requester = request.environ["addr"][0]
        zone_name = request.question[0].name.to_text()
        LOG.warning("NOTIFY for %(name)s from %(host)s refused", {"name": zone_name, "host": requester})
        LOG.debug("from port %s", request.environ.get("client_address")[1])
