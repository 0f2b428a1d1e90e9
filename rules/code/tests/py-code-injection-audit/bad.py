def calculate(expression):
    # ruleid: code/py-code-injection-audit
    return eval(expression)


def plugin(source, env):
    # ruleid: code/py-code-injection-audit
    exec(source, env)


def formula(field):
    # ruleid: code/py-code-injection-audit
    return eval(f"row.{field} * 2")
