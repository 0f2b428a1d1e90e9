# A module's private helpers (a leading underscore: no other module calls them) that every call in the module
# gives constant table names, by position, by keyword or through a constant default.


def _count(cur, table):
    # ok: code/py-sql-injection-audit
    cur.execute("SELECT count(*) FROM %s" % table)
    return cur.fetchone()[0]


def _truncate(cur, table="sessions"):
    # ok: code/py-sql-injection-audit
    cur.execute("DELETE FROM " + table)


class Store:
    def _exists(self, conn, table):
        # ok: code/py-sql-injection-audit
        return conn.execute(f"select * from {table} limit 1")

    def check(self, conn):
        return self._exists(conn, "version") and self._exists(conn, table="alembic_version")


def stats(cur):
    _truncate(cur)
    return _count(cur, "users") + _count(cur, table="groups")
