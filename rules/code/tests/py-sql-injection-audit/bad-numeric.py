def history(cur, timeline, name):
    if timeline > 1:
        # Another value is formatted in as well.
        # ruleid: code/py-sql-injection-audit
        cur.execute("SELECT * FROM history WHERE t = {0} AND name = '{1}'".format(timeline, name))


def lookup(cur, name, limit):
    if limit > 10:
        # The name compared is not the one formatted.
        # ruleid: code/py-sql-injection-audit
        cur.execute("SELECT * FROM users WHERE name = '%s'" % name)


def by_name(cur, name):
    if name == 1:
        # An equality test holds for text as well (it is just False).
        # ruleid: code/py-sql-injection-audit
        cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
