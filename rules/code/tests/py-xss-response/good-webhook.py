# Webhooks that answer with fixed text, escaped text or a dictionary (sent as JSON).
from html import escape

from errbot import BotPlugin, webhook


class Echo(BotPlugin):
    @webhook
    def echo(self, incoming_request):
        self.send(self.build_identifier('#alerts'), str(incoming_request))
        return 'OK'

    @webhook('/greet/<name>/')
    def greet(self, payload, name):
        return '<h1>Hello ' + escape(name) + '</h1>'

    @webhook
    def status(self, incoming_request):
        return {'received': incoming_request}
