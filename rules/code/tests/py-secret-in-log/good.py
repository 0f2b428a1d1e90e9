import logging

logger = logging.getLogger(__name__)


def login(username, password):
    logger.info("login attempt for %s (password reset: no)", username)
    return check(username, password=password)
