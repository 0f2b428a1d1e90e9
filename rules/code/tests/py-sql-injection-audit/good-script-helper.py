# A migration script: it parses its command line at top level, so no other module imports its helpers, and
# every call of `process_table` passes the table and column names as constants.
import argparse
import sqlite3

parser = argparse.ArgumentParser()
parser.add_argument("dbfile")
args = parser.parse_args()


def process_table(connection, table, fields, nullable_fields=()):
    c = connection.cursor()
    # ok: code/py-sql-injection-audit
    c.execute("SELECT {1} FROM {0}".format(table, ",".join(fields + nullable_fields)))
    # ok: code/py-sql-injection-audit
    c.execute(f"CREATE UNIQUE INDEX index_{table}_path ON {table}(path_hash)")


with sqlite3.connect(args.dbfile) as conn:
    process_table(conn, "folder", ("id", "root_id"), nullable_fields=("parent_id",))
    process_table(conn, "track", ("id",))
