# Checks that leave names, calls or another value through: each still reported.
# Each a helper of a view, given the request it serves.
import re


def word_characters(request, expr):
    # `\w` admits letters: `__import__` is all word characters.
    if re.search(r"[^\w+*/]", expr) is None:
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def range_with_letters(request, expr):
    # `+-z` is a range from `+` to `z`, letters included.
    if re.search(r"[^+-z]", expr) is None:
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def exponent_and_parentheses(request, expr):
    # A name made of `e` can be called when parentheses are allowed too.
    if re.fullmatch(r"[\de()]+", expr):
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def either_check(request, expr, trusted):
    if trusted or re.search(r"[^\d+]", expr) is None:
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def negated_check(request, expr):
    if not re.fullmatch(r"[\d+]+", expr):
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def other_branch(request, expr):
    if re.search(r"[^\d+]", expr) is None:
        return int(expr)
    else:
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def rebound_after_check(request, expr, suffix):
    if re.fullmatch(r"[\d+]+", expr):
        expr = expr + suffix
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def another_value(request, expr, other):
    if re.fullmatch(r"[\d+]+", expr):
        # ruleid: code/py-code-injection-audit
        return eval(other)


def unanchored(request, expr):
    # A match of the start only (no `$`), a search of any part, and a multi-line search leave the rest unchecked.
    if re.match(r"[\d+]+", expr):
        # ruleid: code/py-code-injection-audit
        return eval(expr)
    if re.search(r"[\d+]+$", expr):
        # ruleid: code/py-code-injection-audit
        return eval(expr)
    if re.search(r"^[\d+]+$", expr, re.M):
        # ruleid: code/py-code-injection-audit
        return eval(expr)


def later_closure(request, expr, box):
    if re.fullmatch(r"[\d+]+", expr):
        # Runs when called, after `expr` may have been given another value.
        # ruleid: code/py-code-injection-audit
        box.append(lambda: eval(expr))


def list_changed(request, parts):
    if re.fullmatch(r"[\d+]+", parts[0]):
        parts.reverse()
        # ruleid: code/py-code-injection-audit
        return eval(parts[0])


def item_written(request, parts, text):
    if re.fullmatch(r"[\d+]+", parts[0]):
        parts[0] = text
        # ruleid: code/py-code-injection-audit
        return eval(parts[0])
