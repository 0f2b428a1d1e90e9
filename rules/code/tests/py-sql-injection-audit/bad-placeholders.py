def forget(cur, table, sources):
    # The markers are fixed, the table name is not.
    # ruleid: code/py-sql-injection-audit
    cur.execute("delete from %s where path in (%s)" % (table, ", ".join(["?"] * len(sources))), sources)


def create_table(con, suffix, fast):
    # A parameter of that name: the caller's text reaches the DDL.
    if fast:
        suffix = "without rowid"
    # ruleid: code/py-sql-injection-audit
    con.execute(f"create table if not exists seen (path text primary key) {suffix};")


def order(cur, request):
    direction = "asc"
    if request.args.get("desc"):
        direction = request.args["desc"]
    # ruleid: code/py-sql-injection-audit
    cur.execute(f"SELECT * FROM users ORDER BY name {direction}")


def columns(cur, names):
    for column in names:
        # ruleid: code/py-sql-injection-audit
        cur.execute("SELECT %s FROM users" % column)


def joined(cur, ids):
    # The values themselves joined in, not markers.
    # ruleid: code/py-sql-injection-audit
    cur.execute("SELECT * FROM users WHERE id IN (%s)" % ", ".join(ids))


def markers_then_values(cur, ids, extra):
    # A marker list with the caller's values added after the markers: the values are joined into the SQL.
    # ruleid: code/py-sql-injection-audit
    cur.execute("SELECT * FROM users WHERE id IN (%s)" % ", ".join(["?"] * len(ids) + extra))


def markers_of_values(cur, ids):
    # The repetition count is fine, but the list repeated is the caller's, not a marker.
    # ruleid: code/py-sql-injection-audit
    cur.execute("SELECT * FROM users WHERE id IN (%s)" % ",".join("?" * len(ids) + ids[0]))
