from psycopg2.extensions import quote_ident


def checkpoint_done(cur):
    # Literals joined with `+` to split a long query over lines: constant text.
    cur.execute("SELECT NOT pg_catalog.pg_is_in_recovery()" +
                " FROM pg_catalog.pg_control_checkpoint()")


def create_slot(cur, name, plugin):
    cur.execute("SELECT pg_catalog.pg_create_logical_replication_slot(%s, %s)" +
                " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = %s)",
                (name, plugin, name))


def create_database(cur, conn, config):
    cur.execute('CREATE DATABASE {0}'.format(quote_ident(config['database'], conn)))


def drop(schema_editor, table):
    schema_editor.execute("DROP TABLE %s" % schema_editor.quote_name(table))
    schema_editor.execute("DELETE FROM %s WHERE %s IS NULL" % (schema_editor.quote_name(table), schema_editor.quote_name("id")))
