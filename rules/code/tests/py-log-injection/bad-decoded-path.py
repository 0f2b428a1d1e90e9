import logging

from fastapi import FastAPI, Request

app = FastAPI()
logger = logging.getLogger(__name__)


@app.get("/items/{item}")
async def item(request: Request):
    # Starlette builds request.url from the decoded path: %0A is a line break here.
    # ruleid: code/py-log-injection
    logger.info("request for %s", request.url)
    return {}
