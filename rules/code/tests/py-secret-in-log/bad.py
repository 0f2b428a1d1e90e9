import logging

logger = logging.getLogger(__name__)


def login(username, password):
    # ruleid: code/py-secret-in-log
    logger.info("login attempt %s %s", username, password)
