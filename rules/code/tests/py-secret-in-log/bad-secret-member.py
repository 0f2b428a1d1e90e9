import logging

logger = logging.getLogger(__name__)


def connect(self, config):
    # The secret itself read off an object.
    # ruleid: code/py-secret-in-log
    logger.debug("connecting with %s", self.password)
    # ruleid: code/py-secret-in-log
    logger.debug("key %s", config.api_key)
    # A member of a holder that is the secret's text.
    # ruleid: code/py-secret-in-log
    logger.debug("auth %s", request.authorization.password)
