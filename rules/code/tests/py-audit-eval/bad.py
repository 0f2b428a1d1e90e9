import sys


class Gateway:
    def guess_type(self):
        # The program's own configuration: a lead to review, not known to come from a request.
        # ruleid: code/py-audit-eval
        return eval(self.config.get("entry", "mapping"))


def owner_command(irc, msg, args, text):
    # ruleid: code/py-audit-eval
    return repr(eval(text))


def bootstrap(stream):
    content = stream.read()
    # ruleid: code/py-audit-eval
    code = compile(content, "<module>", "exec")
    # ruleid: code/py-audit-eval
    exec(code, {})


def unit(table):
    # ruleid: code/py-audit-eval
    return float(eval(table.to_eqn))


# ruleid: code/py-audit-eval
exec(sys.stdin.read())
