import logging

logger = logging.getLogger(__name__)


def subscribe(request):
    # A member that names the user, not the credential.
    logger.debug("bus messages for %s", request.authorization.username)
    # The token's record id.
    logger.info("deleting token %s", token.id)
