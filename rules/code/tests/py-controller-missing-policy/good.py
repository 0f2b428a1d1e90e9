import pecan
from pecan import rest
from wsme import types as wtypes
import wsmeext.pecan as wsme_pecan

from service.api.controllers.v1 import utils
from service.common import policy
from service.common import rbac


class AuditsController(rest.RestController):
    @wsme_pecan.wsexpose(None, wtypes.text, status_code=202)
    # ok: code/py-controller-missing-policy
    def post(self, audit_ident):
        context = pecan.request.context
        audit = utils.get_resource('Audit', audit_ident)
        policy.enforce(context, 'audit:create', audit, action='audit:create')
        pecan.request.rpcapi.trigger_audit(context, audit.uuid)

    @pecan.expose('json')
    # ok: code/py-controller-missing-policy
    def delete(self, name):
        rbac.enforce('delete_audit', pecan.request)
        pecan.request.storage.delete_audit(name)

    @policy.authorize('audit:update')
    @wsme_pecan.wsexpose(None, wtypes.text)
    # ok: code/py-controller-missing-policy
    def patch(self, audit_ident):
        pecan.request.storage.update_audit(audit_ident)

    @wsme_pecan.wsexpose(None, wtypes.text)
    # ok: code/py-controller-missing-policy
    def put(self, audit_ident):
        raise NotImplementedError('audits are changed with PATCH')

    # A read is not this rule's: a listing or a version document is often public.
    @pecan.expose('json')
    # ok: code/py-controller-missing-policy
    def get_all(self):
        return pecan.request.storage.list_audits()


class ServersController:
    # Not exposed: a helper, not a request's handler.
    # ok: code/py-controller-missing-policy
    def post(self, body):
        return body


class OrdersController(rest.RestController):
    @pecan.expose(generic=True)
    def index(self, **kwargs):
        pecan.abort(405)

    @index.when(method='POST', template='json')
    @controllers.enforce_rbac('orders:post')
    # ok: code/py-controller-missing-policy
    def on_post(self, external_project_id, **kwargs):
        return pecan.request.repo.create_order(external_project_id, pecan.request.json)

    @index.when(method='GET', template='json')
    # ok: code/py-controller-missing-policy
    def on_get(self, external_project_id, **kwargs):
        return pecan.request.repo.get_orders(external_project_id)


class QueueResource(object):
    @acl.enforce('queues:delete')
    # ok: code/py-controller-missing-policy
    def on_delete(self, req, resp, project_id, queue_name):
        self._queue_controller.delete(queue_name, project=project_id)

    # ok: code/py-controller-missing-policy
    def on_get(self, req, resp, project_id, queue_name):
        resp.media = self._queue_controller.get(queue_name, project=project_id)
