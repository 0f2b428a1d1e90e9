# Each a helper of a view, given the request it serves.
import sys


def load_modules(request, stream):
    # The text is reported where `compile` reads it; running the code object it just made is that same finding,
    # reported once (sshuttle's remote bootstrap).
    content = stream.read()
    # ruleid: code/py-code-injection-audit
    code = compile(content, "<module>", "exec")
    exec(code, {})


def ban_time(request, settings):
    formula = settings.get("formula", "ban.Time * 2")
    # ruleid: code/py-code-injection-audit
    formula = compile(formula, "~inline-conf-expr~", "eval")
    # The lambda's default binds the code object when the lambda is made (fail2ban's ban-time formula).
    return lambda ban, formula=formula: max(ban.Time, eval(formula))


def recompiled_then_replaced(request, text):
    # ruleid: code/py-code-injection-audit
    code = compile(text, "<x>", "exec")
    code = sys.stdin.read()
    # Another value was assigned after the compile: reported.
    # ruleid: code/py-code-injection-audit
    exec(code)


def rebound_by_a_tuple(request, text):
    # ruleid: code/py-code-injection-audit
    code = compile(text, "<x>", "exec")
    code, rest = sys.stdin.read().split("\n", 1)
    # ruleid: code/py-code-injection-audit
    exec(code)


def compiled_in_a_branch(request, text, fast):
    code = text
    if fast:
        # ruleid: code/py-code-injection-audit
        code = compile(text, "<x>", "eval")
    # The compile is in another block; the name may still hold the text: reported.
    # ruleid: code/py-code-injection-audit
    return eval(code)


def late_closure(request, text):
    # ruleid: code/py-code-injection-audit
    code = compile(text, "<x>", "eval")
    # A closure reads the name when it runs, after any later assignment: reported.
    # ruleid: code/py-code-injection-audit
    run = lambda: eval(code)
    code = sys.stdin.read()
    return run


def loop_replaced(request, text):
    # ruleid: code/py-code-injection-audit
    code = compile(text, "<x>", "exec")
    while True:
        # ruleid: code/py-code-injection-audit
        exec(code)
        code = input()


def restricted(request, script):
    # RestrictedPython's compile is not the builtin: its run is the only place the text is reported.
    byte_code = compile_restricted(script, "<inline>", "exec")
    # ruleid: code/py-code-injection-audit
    exec(byte_code, {})
