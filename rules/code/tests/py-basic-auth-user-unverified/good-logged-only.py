# The user name only written to the log, or shown in the request's printed form: no decision takes it. The
# credentials are checked where the application authenticates (a decorator of another module).
import logging

from werkzeug.wrappers import Request as _Request

from .auth import auth_required
from .app import app

logger = logging.getLogger(__name__)


class Request(_Request):
    def __repr__(self):
        auth = self.authorization
        who = auth.get("userid", auth.username) if auth else "-"
        return "<Request %s@%s %s>" % (who, self.remote_addr, self.url)


@app.route("/<database_name>/bus", methods=["POST"])
@auth_required
def subscribe(request, database_name):
    logger.debug(
        "getting bus messages from %s@%s%s",
        request.authorization.username, request.remote_addr, request.path)
    return {"database": database_name}


@app.route("/<database_name>/rpc", methods=["POST"])
@auth_required
def dispatch(request, database_name):
    username = request.authorization.username
    if isinstance(username, bytes):
        username = username.decode("utf-8")
    log_args = (database_name, username, request.remote_addr, request.path)
    logger.debug("%s call by %s@%s%s", *log_args)
    return {"database": database_name}
