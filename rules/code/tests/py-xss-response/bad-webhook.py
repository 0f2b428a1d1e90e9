# A chat bot's webhooks: the bot's web server (Flask) calls them with the posted body, and serves the string
# they return as text/html.
from errbot import BotPlugin, webhook


class Echo(BotPlugin):
    @webhook
    def echo(self, incoming_request):
        self.log.debug("incoming: %s", incoming_request)
        # ruleid: code/py-xss-response
        return str(incoming_request)

    @webhook('/greet/<name>/')
    def greet(self, payload, name):
        # ruleid: code/py-xss-response
        return '<h1>Hello ' + name + '</h1>'
