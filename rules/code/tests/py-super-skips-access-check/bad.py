from tornado import web


class CheckedHandler(web.RequestHandler):
    def prepare(self):
        if self.request.remote_ip not in self.settings['allowed_hosts']:
            raise web.HTTPError(403, 'not allowed')


class StatusHandler(CheckedHandler):
    def get(self):
        self.write('ok')


class RunHandler(CheckedHandler):
    def prepare(self):
        # ruleid: code/py-super-skips-access-check
        super(CheckedHandler, self).prepare()
        self.command = self.path_args[0]

    def post(self, name):
        self.write(self.application.run(name, self.get_body_argument('args')))
