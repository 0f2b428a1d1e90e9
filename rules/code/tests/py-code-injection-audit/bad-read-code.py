# Helpers of a view, given the request they serve.
import os
import tempfile


def run_shared(request, name):
    # A file in the shared temporary folder: any local user can write it.
    with open(os.path.join("/tmp", name)) as f:
        # ruleid: code/py-code-injection-audit
        exec(f.read())


def run_temp(request, name):
    with open(os.path.join(tempfile.gettempdir(), name)) as f:
        code = f.read()
    # ruleid: code/py-code-injection-audit
    exec(code)


def run_handle(request, fh):
    # A stream the caller hands over (a socket file, an upload): not a file this code opens.
    # ruleid: code/py-code-injection-audit
    exec(fh.read())


def run_edited(request, path):
    with open(path) as f:
        code = f.read()
    code = code.replace("$NAME", os.environ.get("NAME", ""))
    # The code read is changed with other data before it runs: still reported.
    # ruleid: code/py-code-injection-audit
    exec(code)


def run_uploaded(request, directory):
    # A script the visitor uploaded, saved and read back.
    path = os.path.join(directory, "script.py")
    request.files["script"].save(path)
    with open(path) as f:
        # ruleid: code/py-code-injection-audit
        exec(f.read())
