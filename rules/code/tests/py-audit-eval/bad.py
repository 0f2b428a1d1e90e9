import sys


def ban_factor(jail):
    # A jail option the operator writes as a Python expression.
    # ruleid: code/py-audit-eval
    return eval(jail.get("factor", "1"))


def load_record(attributes, context):
    # An attribute of a module's own XML data file.
    # ruleid: code/py-audit-eval
    return eval(attributes["eval"], context)


class Shell:
    def start(self):
        # The code a user passed with `shell -c CODE`.
        # ruleid: code/py-audit-eval
        print(eval(self.code, globals(), self.vars))


class Template:
    def _exec(self, code, ns):
        # ruleid: code/py-audit-eval
        exec(code, self.default_namespace, ns)


# ruleid: code/py-audit-eval
exec(sys.stdin.read())
