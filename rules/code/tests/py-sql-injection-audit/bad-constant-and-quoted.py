from psycopg2.extensions import quote_ident


def find(cur, name):
    # A name joined into literals is formatting, however many literals surround it.
    # ruleid: code/py-sql-injection-audit
    cur.execute("SELECT * FROM users" + " WHERE name = '" + name + "'")


def create_database(cur, conn, config, owner):
    # One quoted identifier does not make the other value safe.
    # ruleid: code/py-sql-injection-audit
    cur.execute('CREATE DATABASE {0} OWNER {1}'.format(quote_ident(config['database'], conn), owner))


def delete(schema_editor, table, where):
    # ruleid: code/py-sql-injection-audit
    schema_editor.execute("DELETE FROM %s WHERE %s" % (schema_editor.quote_name(table), where))


def reorder(schema_editor, name, column):
    # The quoted identifier is formatted into the last literal only: the name joined before it is raw.
    # ruleid: code/py-sql-injection-audit
    schema_editor.execute("SELECT * FROM t WHERE name = '" + name + "' ORDER BY %s" % schema_editor.quote_name(column))


def purge(schema_editor, owner, table):
    # The text formatted is an f-string: its own value is not quoted.
    # ruleid: code/py-sql-injection-audit
    schema_editor.execute(f"DELETE FROM %s WHERE owner = '{owner}'" % schema_editor.quote_name(table))
