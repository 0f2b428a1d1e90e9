# Helpers whose text the module's constant calls do not settle.


def count(cur, table):
    # A public function of a library module: other modules may call it with anything.
    # ruleid: code/py-sql-injection-audit
    cur.execute("SELECT count(*) FROM %s" % table)


def _purge(cur, table):
    table = table.strip()
    # The parameter is given another value before the query.
    # ruleid: code/py-sql-injection-audit
    cur.execute("DELETE FROM " + table)


def _drop(cur, table):
    # ruleid: code/py-sql-injection-audit
    cur.execute("DROP TABLE " + table)


def _column(cur, table, row):
    # A field of a parameter is data, whatever the calls pass.
    # ruleid: code/py-sql-injection-audit
    cur.execute(f"SELECT {row.name} FROM {table}")


def _select(cur, table):
    # ruleid: code/py-sql-injection-audit
    cur.execute(f"SELECT * FROM {table}")


class Store:
    def _exists(self, conn, table):
        # One call passes a variable.
        # ruleid: code/py-sql-injection-audit
        return conn.execute(f"select * from {table} limit 1")

    def check(self, conn, name):
        return self._exists(conn, "version") and self._exists(conn, name)


def run(cur, rows, names):
    count(cur, "users")
    _purge(cur, "sessions")
    # Handed on as a callback: its callers are not these calls.
    list(map(lambda t: _drop(cur, t), names))
    cleanup = _drop
    cleanup(cur, "x")
    _column(cur, "users", rows[0])
    _select(cur, *names)
