import logging

logger = logging.getLogger(__name__)


def subscribe(request, channels):
    # The user name read off the parsed Authorization header, not the credential.
    logger.debug("bus messages for %s on %s", request.authorization.username, channels)


def expire(self):
    # A token record's expiry, not its text.
    logger.info("token expires at %s", self.token.expires_at)


def deleted(token):
    # A token held by name: the audit profile's py-audit-secret-holder-in-log reports it.
    logger.warning(f"Deleting expired token {token}")
