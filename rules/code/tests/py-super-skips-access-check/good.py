from django.core.exceptions import PermissionDenied
from tornado import web


class CheckedHandler(web.RequestHandler):
    def prepare(self):
        if self.request.remote_ip not in self.settings['allowed_hosts']:
            raise web.HTTPError(403, 'not allowed')


class RunHandler(CheckedHandler):
    def prepare(self):
        # ok: code/py-super-skips-access-check
        super(RunHandler, self).prepare()
        # ok: code/py-super-skips-access-check
        super().prepare()


class BaseView:
    def dispatch(self, request):
        return self.handle(request)


class AdminView(BaseView):
    def dispatch(self, request):
        if not request.user.is_staff:
            raise PermissionDenied()
        # The method skipped (BaseView.dispatch) refuses no request.
        # ok: code/py-super-skips-access-check
        return super(BaseView, self).dispatch(request)


class ReportView(AdminView):
    def dispatch(self, request):
        # ok: code/py-super-skips-access-check
        return super(ReportView, self).dispatch(request)
