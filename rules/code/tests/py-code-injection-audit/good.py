import ast


def calculate(expression):
    return ast.literal_eval(expression)


def constant():
    exec("import this")
    return eval("1 + 1")
