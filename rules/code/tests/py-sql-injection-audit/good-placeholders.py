import sqlite3


def create_tables(con):
    # A name every branch sets to a plain literal: the DDL is fixed.
    if sqlite3.sqlite_version_info >= (3, 8, 2):
        without_rowid = "without rowid"
    else:
        without_rowid = ""
    con.execute(f"create table if not exists seen (path text primary key) {without_rowid};")


def forget(cur, sources):
    # Only parameter markers are formatted in; the values are bound by the driver.
    cur.execute(
        "delete from seen where path in (%s)" % ", ".join(["?"] * len(sources)),
        sources,
    )


def search(cur, query, langs, kinds):
    cur.execute(
        """
        select path from seen
         where path like ? and lang in (%s) and kind in (%s)
        """
        % (",".join("?" * len(langs)), ",".join("?" for _ in kinds)),
        ["%" + query + "%", *langs, *kinds],
    )


def by_ids(cur, ids):
    markers = ", ".join(["%s"] * len(ids))
    cur.execute(f"SELECT * FROM users WHERE id IN ({markers})", ids)
    cur.execute("SELECT * FROM users WHERE id IN ({}) LIMIT {}".format(markers, 10), ids)
