# Text checked to hold nothing but digits, a decimal point, an exponent and arithmetic operators is evaluated
# as a number: no name can be read or called, so no code of anyone's runs (a unit converter's factor).
import re


class Unit:
    def parse_factor(self, text):
        parts = text.split(None, 1)
        # Only digits and operators (limnoria's unit table): `re.search` of the negated class found nothing.
        if len(parts) > 1 and re.search(r"[^\d\.eE\+\-\*/]", parts[0]) == None:
            try:
                self.factor = float(eval(parts[0]))
                self.equiv = parts[1]
            except Exception:
                pass


def scaled(expr, default):
    # The whole text matched a class of digits, spaces, operators and parentheses (no letter to name a callable).
    if re.fullmatch(r"[\d\s.+*/()-]+", expr):
        return eval(expr)
    return default


def ratio(expr):
    if not re.search("[^0-9./ ]", expr):
        return eval(expr)
    return None


def percent(expr, limit):
    if limit > 0 and re.match(r"^[\d.%+-]+$", expr) is not None:
        print("evaluating", expr)
        return min(limit, eval(expr))
    return limit
