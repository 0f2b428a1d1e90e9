# A script's helper that one call gives a name from the command line: the text is not fixed by its callers.
import argparse
import sqlite3

parser = argparse.ArgumentParser()
parser.add_argument("dbfile")
parser.add_argument("--table")
args = parser.parse_args()


def process_table(connection, table):
    c = connection.cursor()
    # ruleid: code/py-sql-injection-audit
    c.execute("SELECT path FROM {}".format(table))


with sqlite3.connect(args.dbfile) as conn:
    process_table(conn, "folder")
    process_table(conn, args.table)
