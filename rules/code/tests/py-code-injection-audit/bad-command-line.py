import argparse
from urllib.request import urlopen


# A command that also fetches a URL evaluates what the remote answered, not only what its invoker typed.
def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    ns = parser.parse_args()
    body = urlopen(ns.url).read().decode()
    # ruleid: code/py-code-injection-audit
    return eval(body)


# A server a command starts: its handler evaluates what a client sent, though `main()` parsed the command line.
def serve():
    import http.server

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            code = self.rfile.read(int(self.headers["Content-Length"])).decode()
            # ruleid: code/py-code-injection-audit
            self.wfile.write(str(eval(code)).encode())

    http.server.HTTPServer(("", args.port), Handler).serve_forever()


# A worker command evaluates the jobs another process queued.
def worker(queue):
    parser = argparse.ArgumentParser()
    parser.add_argument("--queue")
    args = parser.parse_args()
    while True:
        _, job = queue.blpop(args.queue)
        # ruleid: code/py-code-injection-audit
        eval(job)


# A callback defined inside the command's entry point evaluates each message a broker delivers.
def subscribe(client):
    parser = argparse.ArgumentParser()
    parser.add_argument("topic")
    args = parser.parse_args()

    def on_message(_client, _userdata, message):
        # ruleid: code/py-code-injection-audit
        eval(message.payload.decode())

    client.on_message = on_message
    client.subscribe(args.topic)
    client.loop_forever()
