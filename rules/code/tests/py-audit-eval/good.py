import ast

FORMULA = "1 + 2"


def constants(text):
    a = eval("1 + 2")
    b = eval(FORMULA)
    c = ast.literal_eval(text)
    return a, b, c
