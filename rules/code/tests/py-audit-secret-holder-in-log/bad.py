import logging

logger = logging.getLogger(__name__)


def deleted(token):
    # ruleid: code/py-audit-secret-holder-in-log
    logger.warning(f"Deleting expired token {token}")


def welcome(credentials):
    # ruleid: code/py-audit-secret-holder-in-log
    logger.info("welcome (%r)", credentials)
