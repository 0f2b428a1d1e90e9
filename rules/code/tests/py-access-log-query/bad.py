# A Tornado application's own access log (settings["log_function"]): every request's URI, query included,
# so the `?token=` of a login link is written to the log on each use.
import json

from tornado.log import access_log


def log_request(handler, log=access_log):
    status = handler.get_status()
    request = handler.request
    log_method = log.info if status < 400 else log.warning
    ns = dict(
        status=status,
        method=request.method,
        ip=request.remote_ip,
        # ruleid: code/py-access-log-query
        uri=request.uri,
    )
    log_method("{status} {method} {uri} ({ip})".format(**ns))


def log_json(handler):
    if handler.get_status() >= 500:
        # ruleid: code/py-access-log-query
        access_log.error(json.dumps({"uri": handler.request.uri}))


class BaseHandler(object):
    def _request_summary(self):
        # ruleid: code/py-access-log-query
        return "%s %s (%s)" % (self.request.method, self.request.uri, self.request.remote_ip)
