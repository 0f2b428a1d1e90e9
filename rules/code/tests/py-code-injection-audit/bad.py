# Helpers of a view, given the request they serve.
def calculate(request, expression):
    # ruleid: code/py-code-injection-audit
    return eval(expression)


def plugin(request, source, env):
    # ruleid: code/py-code-injection-audit
    exec(source, env)


def formula(request, field):
    # ruleid: code/py-code-injection-audit
    return eval(f"row.{field} * 2")
