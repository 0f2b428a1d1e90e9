# Evaluation outside code that handles a request or a message: each is the opt-in audit profile's
# code/py-audit-eval (the program's own configuration, its unit table, a bot owner's command, a bootstrap the user
# runs over their own ssh session), not this rule's.
import sys


class Gateway:
    def guess_type(self):
        return eval(self.config.get("entry", "mapping"))


def owner_command(irc, msg, args, text):
    return repr(eval(text))


def bootstrap(stream):
    content = stream.read()
    code = compile(content, "<module>", "exec")
    exec(code, {})


def unit(table):
    return float(eval(table.to_eqn))


def evaluate(expression):
    return eval(expression)


result = eval(sys.argv[1])
