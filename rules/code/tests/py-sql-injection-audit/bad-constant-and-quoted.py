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
