# A handler of requests that evaluates an option of the operator's INI file, both names written in the code: the
# value is the file's, whoever sends the request.
class HTTPProtocol:
    def handle(self, request):
        self.requestparts = request.split()
        self.iconmapping = eval(self.config.get("protocols.http", "iconmapping"))
        level = eval("syslog." + self.config.get("logger", "priority"))
        return level


def get_protocol(request, server, rfile, wfile, config):
    return eval(config.get("protocols", "protocols"))
