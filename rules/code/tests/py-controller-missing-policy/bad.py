import pecan
from pecan import rest
from wsme import types as wtypes
import wsmeext.pecan as wsme_pecan

from service.api.controllers.v1 import utils
from service.decision import rpcapi


class WebhookController(rest.RestController):
    def __init__(self):
        super().__init__()
        self.client = rpcapi.EngineAPI()

    @wsme_pecan.wsexpose(None, wtypes.text, status_code=202)
    # ruleid: code/py-controller-missing-policy
    def post(self, audit_ident):
        context = pecan.request.context
        audit = utils.get_resource('Audit', audit_ident)
        self.client.trigger_audit(context, audit.uuid)


class TagsController(rest.RestController):
    @pecan.expose('json')
    # ruleid: code/py-controller-missing-policy
    def delete(self, name):
        pecan.request.storage.delete_tag(pecan.request.context.project_id, name)


class OrdersController(rest.RestController):
    @pecan.expose(generic=True)
    def index(self, **kwargs):
        pecan.abort(405)

    @index.when(method='POST', template='json')
    # ruleid: code/py-controller-missing-policy
    def on_post(self, external_project_id, **kwargs):
        return pecan.request.repo.create_order(external_project_id, pecan.request.json)


class PurgeResource(object):
    # ruleid: code/py-controller-missing-policy
    def on_post(self, req, resp, project_id, queue_name):
        self._queue_controller.purge(queue_name, project=project_id)
